#include <stdio.h>
#include <stdint.h>

#define MAXN 91

static uint64_t memo[MAXN + 1];
static int computed[MAXN + 1];
static long calls_memo;
static long calls_naive;

static uint64_t fib_memo(int n)
{
    calls_memo++;
    if (n < 2)
        return (uint64_t)n;
    if (computed[n])
        return memo[n];
    memo[n] = fib_memo(n - 1) + fib_memo(n - 2);
    computed[n] = 1;
    return memo[n];
}

static uint64_t fib_naive(int n)
{
    calls_naive++;
    if (n < 2)
        return (uint64_t)n;
    return fib_naive(n - 1) + fib_naive(n - 2);
}

/* fast doubling: F(2k) = F(k)(2F(k+1) - F(k)), F(2k+1) = F(k)^2 + F(k+1)^2 */
static void fib_pair(int n, uint64_t *fn, uint64_t *fn1)
{
    uint64_t a, b, c, d;
    if (n == 0) {
        *fn = 0;
        *fn1 = 1;
        return;
    }
    fib_pair(n / 2, &a, &b);
    c = a * (2 * b - a);
    d = a * a + b * b;
    if (n % 2 == 0) {
        *fn = c;
        *fn1 = d;
    } else {
        *fn = d;
        *fn1 = c + d;
    }
}

static int digit_sum(uint64_t v)
{
    int s = 0;
    while (v > 0) {
        s += (int)(v % 10u);
        v /= 10u;
    }
    return s;
}

int main(void)
{
    int n;
    uint64_t a, b;
    int mismatches = 0;

    for (n = 0; n <= 25; n += 5) {
        calls_naive = 0;
        a = fib_naive(n);
        printf("naive fib(%2d) = %6llu  calls=%ld\n", n, (unsigned long long)a, calls_naive);
    }
    calls_memo = 0;
    a = fib_memo(90);
    printf("memo fib(90) = %llu calls=%ld\n", (unsigned long long)a, calls_memo);
    calls_memo = 0;
    a = fib_memo(91);
    printf("again fib(91) = %llu calls=%ld\n", (unsigned long long)a, calls_memo);

    for (n = 0; n <= MAXN; n++) {
        uint64_t m = fib_memo(n);
        fib_pair(n, &a, &b);
        if (a != m) {
            printf("mismatch at %d\n", n);
            mismatches++;
        }
    }
    printf("doubling agrees with memo: %s\n", mismatches == 0 ? "yes" : "no");

    for (n = 10; n <= 90; n += 16) {
        fib_pair(n, &a, &b);
        printf("F(%2d)=%-20llu ratio=%.12f digits sum=%d even=%d\n", n, (unsigned long long)a,
               (double)b / (double)a, digit_sum(a), (int)(a % 2u == 0u));
    }
    /* Pisano period modulo small m */
    for (n = 2; n <= 10; n++) {
        unsigned x = 0, y = 1, t;
        int period = 0;
        do {
            t = (x + y) % (unsigned)n;
            x = y;
            y = t;
            period++;
        } while (!(x == 0 && y == 1));
        printf("pisano(%2d) = %d\n", n, period);
    }
    return 0;
}
