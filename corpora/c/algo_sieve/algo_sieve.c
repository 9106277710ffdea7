/* Exercises: the sieve of Eratosthenes on a char array, counting primes,
 * twin primes, prime gaps, a segmented check by trial division against the
 * sieve, and Goldbach decompositions of small even numbers.
 * Original program written for this corpus. */
#include <stdio.h>

#define N 10000

static char composite[N + 1];
static int primes[1300];
static int nprimes;

static void sieve(void) {
    composite[0] = composite[1] = 1;
    for (int i = 2; i * i <= N; i++)
        if (!composite[i])
            for (int j = i * i; j <= N; j += i)
                composite[j] = 1;
    nprimes = 0;
    for (int i = 2; i <= N; i++)
        if (!composite[i])
            primes[nprimes++] = i;
}

static int is_prime_trial(int n) {
    if (n < 2)
        return 0;
    for (int d = 2; d * d <= n; d++)
        if (n % d == 0)
            return 0;
    return 1;
}

int main(void) {
    sieve();
    printf("primes <= %d: %d\n", N, nprimes);
    printf("first 15:");
    for (int i = 0; i < 15; i++)
        printf(" %d", primes[i]);
    printf("\nlast: %d\n", primes[nprimes - 1]);

    int twins = 0, max_gap = 0, gap_at = 0;
    for (int i = 1; i < nprimes; i++) {
        int gap = primes[i] - primes[i - 1];
        if (gap == 2)
            twins++;
        if (gap > max_gap) {
            max_gap = gap;
            gap_at = primes[i - 1];
        }
    }
    printf("twins=%d max_gap=%d after %d\n", twins, max_gap, gap_at);

    int disagree = 0;
    for (int n = 0; n <= 2000; n++)
        if (is_prime_trial(n) != !composite[n])
            disagree++;
    printf("disagreements=%d\n", disagree);

    for (int even = 4; even <= 40; even += 6) {
        for (int i = 0; i < nprimes; i++) {
            int p = primes[i];
            if (!composite[even - p]) {
                printf("%d=%d+%d ", even, p, even - p);
                break;
            }
        }
    }
    printf("\n");

    long sum = 0;
    for (int i = 0; i < nprimes; i++)
        sum += primes[i];
    printf("sum=%ld\n", sum);

    int by_last_digit[10] = {0};
    for (int i = 0; i < nprimes; i++)
        by_last_digit[primes[i] % 10]++;
    for (int d = 0; d < 10; d++)
        printf("%d:%d ", d, by_last_digit[d]);
    printf("\n");
    return disagree;
}
