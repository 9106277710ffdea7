/* prime_list: a calloc'd sieve, a realloc-grown list of primes, prime gaps, twin primes and Goldbach pairs found with pointer binary search. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>

struct primes {
    unsigned *p;
    size_t n, cap;
};

static int add_prime(struct primes *ps, unsigned v)
{
    if (ps->n == ps->cap) {
        size_t cap = ps->cap ? ps->cap * 2 : 8;
        unsigned *q = realloc(ps->p, cap * sizeof *q);
        if (q == NULL)
            return -1;
        ps->p = q;
        ps->cap = cap;
    }
    ps->p[ps->n++] = v;
    return 0;
}

static int sieve(struct primes *ps, unsigned limit)
{
    unsigned char *composite = calloc(limit + 1, 1);
    unsigned i, j;
    if (composite == NULL)
        return -1;
    for (i = 2; i <= limit; i++) {
        if (composite[i])
            continue;
        if (add_prime(ps, i) != 0) {
            free(composite);
            return -1;
        }
        for (j = i * i; j <= limit; j += i)
            composite[j] = 1;
    }
    free(composite);
    return 0;
}

static int contains(const unsigned *lo, const unsigned *hi, unsigned v) /* [lo, hi) sorted */
{
    while (lo < hi) {
        const unsigned *mid = lo + (hi - lo) / 2;
        if (*mid == v)
            return 1;
        if (*mid < v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

int main(void)
{
    struct primes ps = { NULL, 0, 0 };
    const unsigned *q, *end;
    unsigned max_gap = 0, gap_at = 0, n;
    int twins = 0, gap_hist[8] = { 0 };
    size_t i;

    if (sieve(&ps, 2000) != 0) {
        free(ps.p);
        return 2;
    }
    end = ps.p + ps.n;
    printf("%zu primes up to 2000 (capacity %zu), last %u\n", ps.n, ps.cap, end[-1]);
    printf("first 15:");
    for (q = ps.p; q < ps.p + 15; q++)
        printf(" %u", *q);
    putchar('\n');
    for (q = ps.p + 2; q < end; q++) { /* gaps between odd primes */
        unsigned gap = q[0] - q[-1];
        if (gap > max_gap) {
            max_gap = gap;
            gap_at = q[-1];
        }
        if (gap == 2)
            twins++;
        gap_hist[gap / 2 < 7 ? gap / 2 : 7]++;
    }
    printf("largest gap %u after %u, %d twin pairs\n", max_gap, gap_at, twins);
    for (i = 1; i < 8; i++)
        printf("gap %s%2zu: %d\n", i == 7 ? ">=" : "  ", i * 2, gap_hist[i]);
    for (n = 100; n <= 1000; n += 150) {
        int ways = 0;
        unsigned first = 0;
        for (q = ps.p; q < end && *q <= n / 2; q++)
            if (contains(q, end, n - *q)) {
                if (ways == 0)
                    first = *q;
                ways++;
            }
        printf("%4u = %u + %u, %d ways\n", n, first, n - first, ways);
    }
    printf("1999 prime? %d  2001 listed? %d\n", contains(ps.p, end, 1999), contains(ps.p, end, 2001));
    free(ps.p);
    return 0;
}
