/* Exercises: global variables (initialised and zero-initialised), static
 * globals, static local variables keeping their value across calls (call
 * counters, a memo table, an id generator), and shadowing of a global.
 * Original program written for this corpus. */
#include <stdio.h>

int calls_total;
int limit = 5;
static long memo_hits = 0;
double scale = 1.5;

static int next_id(void) {
    static int id = 100;
    calls_total++;
    return id++;
}

static int counted(void) {
    static int n;           /* zero-initialised once */
    n += 1;
    calls_total++;
    return n;
}

static long long fib_memo(int n) {
    static long long memo[91];
    static int ready[91];
    calls_total++;
    if (n < 2)
        return n;
    if (ready[n]) {
        memo_hits++;
        return memo[n];
    }
    memo[n] = fib_memo(n - 1) + fib_memo(n - 2);
    ready[n] = 1;
    return memo[n];
}

static int shadow(int limit) {
    return limit * 2;       /* parameter hides the global */
}

static void reset_limit(void) {
    limit = 0;
}

static double scaled(int v) {
    static int times = 0;
    times++;
    return v * scale * times;
}

int main(void) {
    int id1 = next_id();
    int id2 = next_id();
    int id3 = next_id();
    printf("ids: %d %d %d\n", id1, id2, id3);
    for (int i = 0; i < 3; i++)
        counted();
    printf("counted now=%d\n", counted());
    long long f90 = fib_memo(90);
    printf("fib(90)=%lld hits=%ld\n", f90, memo_hits);
    long long f50 = fib_memo(50);
    printf("fib(50)=%lld hits=%ld\n", f50, memo_hits);
    printf("shadow=%d global limit=%d\n", shadow(21), limit);
    reset_limit();
    printf("limit after reset=%d\n", limit);
    {
        int limit = 77;
        printf("inner limit=%d\n", limit);
    }
    scale = 2.0;
    double s1 = scaled(1);
    double s2 = scaled(1);
    double s3 = scaled(10);
    printf("scaled: %.1f %.1f %.1f\n", s1, s2, s3);
    printf("calls_total=%d\n", calls_total);
    return calls_total % 256;
}
