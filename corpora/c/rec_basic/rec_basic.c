/* Exercises: direct recursion: factorial (unsigned long long), naive and
 * accumulator Fibonacci, Ackermann for small arguments, Towers of Hanoi move
 * count and the first moves, recursive power and digit sum, recursion depth.
 * Original program written for this corpus (all are textbook recursions). */
#include <stdio.h>

static int depth_max = 0;

static unsigned long long fact(unsigned int n) {
    return n <= 1 ? 1ull : n * fact(n - 1);
}

static int fib(int n) {
    if (n < 2)
        return n;
    return fib(n - 1) + fib(n - 2);
}

static long long fib_acc(int n, long long a, long long b) {
    if (n == 0)
        return a;
    return fib_acc(n - 1, b, a + b);
}

static int ack(int m, int n, int depth) {
    if (depth > depth_max)
        depth_max = depth;
    if (m == 0)
        return n + 1;
    if (n == 0)
        return ack(m - 1, 1, depth + 1);
    return ack(m - 1, ack(m, n - 1, depth + 1), depth + 1);
}

static long hanoi(int n, int from, int to, int via, int print_limit, long *printed) {
    if (n == 0)
        return 0;
    long moves = hanoi(n - 1, from, via, to, print_limit, printed);
    if (*printed < print_limit) {
        printf("move disk %d %c->%c\n", n, 'A' + from, 'A' + to);
        *printed += 1;
    }
    moves += 1;
    moves += hanoi(n - 1, via, to, from, print_limit, printed);
    return moves;
}

static long ipow(long b, int e) {
    if (e == 0)
        return 1;
    long half = ipow(b, e / 2);
    return (e % 2) ? half * half * b : half * half;
}

static int digit_sum(int n) {
    return n < 10 ? n : n % 10 + digit_sum(n / 10);
}

int main(void) {
    for (unsigned int n = 0; n <= 20; n += 5)
        printf("%u! = %llu\n", n, fact(n));
    printf("fib(20)=%d fib_acc(90)=%lld\n", fib(20), fib_acc(90, 0, 1));
    int a23 = ack(2, 3, 0);
    int a33 = ack(3, 3, 0);
    printf("ack(2,3)=%d ack(3,3)=%d max depth=%d\n", a23, a33, depth_max);
    long printed = 0;
    long moves = hanoi(10, 0, 2, 1, 5, &printed);
    printf("hanoi(10) moves=%ld printed=%ld\n", moves, printed);
    printf("3^13=%ld 2^40=%ld\n", ipow(3, 13), ipow(2, 40));
    printf("digit_sum(987654321)=%d\n", digit_sum(987654321));
    return fib(10) % 50;
}
