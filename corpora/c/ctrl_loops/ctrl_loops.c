/* Exercises: while, do-while (including one that runs its body once with a
 * false condition), for with empty parts, break and continue in each loop kind,
 * loops counting down, and loops with multiple induction variables.
 * Original program written for this corpus. */
#include <stdio.h>

int main(void) {
    int i = 0, sum = 0;
    while (i < 10) {
        i++;
        if (i % 3 == 0)
            continue;
        sum += i;
    }
    printf("while: sum=%d i=%d\n", sum, i);

    int n = 100;
    do {
        n -= 7;
    } while (n > 0);
    printf("do-while: n=%d\n", n);

    int once = 0;
    do {
        once++;
    } while (0);
    printf("once=%d\n", once);

    int prod = 1;
    for (int k = 1; k <= 10; k++) {
        if (k == 8)
            break;
        if (k % 2 == 0)
            continue;
        prod *= k;
    }
    printf("for: prod=%d\n", prod);

    int j = 0;
    for (;;) {
        j += 4;
        if (j > 30)
            break;
    }
    printf("forever: j=%d\n", j);

    for (int a = 0, b = 10; a < b; a += 2, b--)
        printf("(%d,%d)", a, b);
    printf("\n");

    for (int d = 5; d >= 0; d--)
        printf("%d ", d);
    printf("\n");

    int m = 27, steps = 0;
    while (1) {
        if (m == 1)
            break;
        m = (m % 2 == 0) ? m / 2 : 3 * m + 1;
        steps++;
    }
    printf("steps=%d\n", steps);

    int count = 0;
    int w = 0;
    do {
        w++;
        if (w % 5 == 0)
            continue;       /* jumps to the condition check */
        count++;
    } while (w < 23);
    printf("count=%d w=%d\n", count, w);

    unsigned int bits = 0xB6u, pop = 0;
    for (; bits; bits >>= 1)
        pop += bits & 1u;
    printf("pop=%u\n", pop);

    int tri = 0, t = 0;
    while (tri < 1000)
        tri += ++t;
    printf("tri=%d t=%d\n", tri, t);
    return 0;
}
