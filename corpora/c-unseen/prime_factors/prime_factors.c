/* Prime factorisation: a sieve up to 1000, trial division of a list of
 * numbers, divisor counts and sums, Euler's totient, perfect numbers. */
#include <stdio.h>
#include <stdbool.h>

#define LIMIT 1000

static bool composite[LIMIT + 1];
static int primes[200];
static int prime_count;

static void sieve(void)
{
    int i, j;
    composite[0] = composite[1] = true;
    for (i = 2; i * i <= LIMIT; i++)
        if (!composite[i])
            for (j = i * i; j <= LIMIT; j += i)
                composite[j] = true;
    for (i = 2; i <= LIMIT; i++)
        if (!composite[i])
            primes[prime_count++] = i;
}

typedef struct {
    unsigned long prime;
    int exponent;
} Factor;

static int factorise(unsigned long n, Factor out[], int max)
{
    int count = 0, i;
    for (i = 0; i < prime_count && n > 1; i++) {
        unsigned long p = (unsigned long)primes[i];
        if (p * p > n)
            break;
        if (n % p == 0) {
            out[count].prime = p;
            out[count].exponent = 0;
            while (n % p == 0) {
                n /= p;
                out[count].exponent++;
            }
            count++;
        }
    }
    if (n > 1 && count < max) {
        out[count].prime = n;
        out[count].exponent = 1;
        count++;
    }
    return count;
}

int main(void)
{
    const unsigned long numbers[] = { 2, 12, 97, 360, 1001, 65536, 123456, 999983,
                                      600851475UL, 4294967291UL };
    Factor f[32];
    size_t i;
    unsigned long n;

    sieve();
    printf("%d primes below %d, last %d\n", prime_count, LIMIT, primes[prime_count - 1]);

    for (i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        int k, cnt = factorise(numbers[i], f, 32);
        unsigned long divisors = 1, sigma = 1, phi = numbers[i];
        printf("%10lu =", numbers[i]);
        for (k = 0; k < cnt; k++) {
            unsigned long pk = 1, sum = 1;
            int e;
            printf(" %lu", f[k].prime);
            if (f[k].exponent > 1)
                printf("^%d", f[k].exponent);
            if (k + 1 < cnt)
                printf(" *");
            for (e = 0; e < f[k].exponent; e++) {
                pk *= f[k].prime;
                sum += pk;
            }
            divisors *= (unsigned long)(f[k].exponent + 1);
            sigma *= sum;
            phi = phi / f[k].prime * (f[k].prime - 1);
        }
        printf("  [d=%lu sigma=%lu phi=%lu]\n", divisors, sigma, phi);
    }

    printf("perfect numbers below 10000:");
    for (n = 2; n < 10000; n++) {
        int k, cnt = factorise(n, f, 32);
        unsigned long sigma = 1;
        for (k = 0; k < cnt; k++) {
            unsigned long pk = 1, sum = 1;
            int e;
            for (e = 0; e < f[k].exponent; e++) {
                pk *= f[k].prime;
                sum += pk;
            }
            sigma *= sum;
        }
        if (sigma == 2 * n)
            printf(" %lu", n);
    }
    printf("\n");
    return 0;
}
