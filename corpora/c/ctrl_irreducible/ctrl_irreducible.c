/* Exercises: irreducible control flow: a loop entered at two different
 * points (a goto jumps into the middle of the loop body), and two mutually
 * jumping blocks both reachable from the entry. Structured translation of
 * these needs a dispatcher or node splitting.
 * Original program written for this corpus. */
#include <stdio.h>

/* Enters the loop either at its head or in the middle, depending on `skip`. */
static int into_middle(int n, int skip) {
    int i = 0, acc = 0;
    if (skip)
        goto inside;
    while (i < n) {
        acc += 10;
inside:
        acc += i;
        i++;
    }
    return acc;
}

/* Two blocks that jump to each other; entry goes to either one. */
static int ping_pong(int start, int limit) {
    int x = start, hops = 0;
    if (x % 2 == 0)
        goto even;
odd:
    hops++;
    if (x == 1)
        goto done;
    x = x * 3 + 1;
    if (x > limit)
        goto done;
even:
    hops++;
    x = x / 2;
    if (x % 2 == 1)
        goto odd;
    if (x > 1)
        goto even;
done:
    printf("ping_pong(%d): x=%d hops=%d\n", start, x, hops);
    return hops;
}

/* A do-while whose body is entered past its first statement. */
static int enter_do(int k) {
    int total = 0, round = 0;
    if (k > 3)
        goto second;
    do {
        total += 1000;
second:
        total += k;
        round++;
    } while (round < 3);
    return total;
}

int main(void) {
    printf("into_middle(4,0)=%d\n", into_middle(4, 0));
    printf("into_middle(4,1)=%d\n", into_middle(4, 1));
    printf("into_middle(0,1)=%d\n", into_middle(0, 1));
    int h = 0;
    h += ping_pong(6, 1000);
    h += ping_pong(7, 1000);
    h += ping_pong(27, 100);
    h += ping_pong(1, 1000);
    printf("enter_do(2)=%d enter_do(5)=%d\n", enter_do(2), enter_do(5));
    printf("hops=%d\n", h);
    return 0;
}
