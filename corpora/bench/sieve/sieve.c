/* Exercises: the sieve of Eratosthenes over a char array, prime counting, a sum of
 * primes in a long, twin-prime and prime-gap statistics, and a segmented re-count by
 * trial division over a short range as a cross-check.
 * Original program written for this corpus. */
#include <stdio.h>

#define LIMIT 2000000
#define ROUNDS 80

static int sieve(char composite[], int n) {
    for (int i = 0; i <= n; i++)
        composite[i] = 0;
    composite[0] = 1;
    composite[1] = 1;
    for (int i = 2; i * i <= n; i++)
        if (!composite[i])
            for (int j = i * i; j <= n; j += i)
                composite[j] = 1;
    int count = 0;
    for (int i = 2; i <= n; i++)
        count += !composite[i];
    return count;
}

static int is_prime_slow(int n) {
    if (n < 2)
        return 0;
    for (int d = 2; d * d <= n; d++)
        if (n % d == 0)
            return 0;
    return 1;
}

int main(void) {
    static char composite[LIMIT + 1];
    long total = 0;
    int twins = 0, max_gap = 0, mismatch = 0;
    for (int r = 0; r < ROUNDS; r++) {
        int n = LIMIT - r * 1000;
        int count = sieve(composite, n);
        long sum = 0;
        int last = 2;
        for (int i = 3; i <= n; i += 2)
            if (!composite[i]) {
                sum += i;
                if (i - last == 2)
                    twins++;
                if (i - last > max_gap)
                    max_gap = i - last;
                last = i;
            }
        total += sum + count;
        for (int i = n - 200; i <= n; i++)
            if (is_prime_slow(i) != !composite[i])
                mismatch++;
    }
    printf("sieve: total %ld twins %d max gap %d mismatch %d\n", total, twins, max_gap,
           mismatch);
    return mismatch;
}
