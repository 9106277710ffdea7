/* Exercises: malloc'd int arrays walked with pointers (`p < end`, `p++`, `*p`), pointer
 * differences, a prefix sum written through a second pointer, and free; outside today's
 * translator subset (pointer arithmetic, malloc), listed by the bench as not translated.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>

#define N 1000000
#define ROUNDS 55

static void fill(int *p, int *end, unsigned int seed) {
    while (p < end) {
        seed = seed * 1103515245u + 12345u;
        *p++ = (int)((seed >> 16) % 2001u) - 1000;
    }
}

static long sum(const int *p, const int *end) {
    long s = 0;
    for (; p < end; p++)
        s += *p;
    return s;
}

static void prefix(const int *src, int *dst, long n) {
    const int *end = src + n;
    int acc = 0;
    while (src != end) {
        acc = (acc + *src++) % 1000003;
        *dst++ = acc;
    }
}

static const int *find_max(const int *p, const int *end) {
    const int *best = p;
    for (; p < end; p++)
        if (*p > *best)
            best = p;
    return best;
}

int main(void) {
    int *a = malloc(N * sizeof *a);
    int *b = malloc(N * sizeof *b);
    if (!a || !b)
        return 1;
    long total = 0, where = 0;
    for (int r = 0; r < ROUNDS; r++) {
        fill(a, a + N, (unsigned int)r + 1u);
        prefix(a, b, N);
        total += sum(a, a + N) + sum(b + r, b + N);
        where += find_max(b, b + N) - b;
    }
    printf("ptr_memsum: total %ld where %ld\n", total, where);
    free(a);
    free(b);
    return 0;
}
