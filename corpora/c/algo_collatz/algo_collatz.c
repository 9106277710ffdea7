/* Exercises: Collatz sequences: step counts with 64-bit intermediate values,
 * the longest chain below a bound, peak values, a histogram of step counts
 * in buckets, and the exit code computed from the results.
 * Original program written for this corpus (the Collatz problem is public lore). */
#include <stdio.h>

static int steps(unsigned long long n, unsigned long long *peak) {
    int s = 0;
    *peak = n;
    while (n != 1) {
        if (n % 2 == 0)
            n /= 2;
        else
            n = 3 * n + 1;
        if (n > *peak)
            *peak = n;
        s++;
    }
    return s;
}

int main(void) {
    unsigned long long peak;
    unsigned long long starts[6] = {1, 6, 7, 27, 97, 871};
    for (int i = 0; i < 6; i++) {
        int s = steps(starts[i], &peak);
        printf("collatz(%llu): %d steps, peak %llu\n", starts[i], s, peak);
    }

    int best = 0;
    unsigned long long best_n = 1, best_peak = 1;
    int buckets[8] = {0};
    for (unsigned long long n = 1; n < 30000; n++) {
        int s = steps(n, &peak);
        if (s > best) {
            best = s;
            best_n = n;
        }
        if (peak > best_peak)
            best_peak = peak;
        int b = s / 40;
        if (b > 7)
            b = 7;
        buckets[b]++;
    }
    printf("longest below 30000: n=%llu steps=%d\n", best_n, best);
    printf("highest peak: %llu\n", best_peak);
    for (int b = 0; b < 8; b++)
        printf("[%3d,%3d): %d\n", b * 40, b * 40 + 40, buckets[b]);

    /* Print the full chain for 9, ten numbers per line. */
    unsigned long long n = 9;
    int col = 0;
    while (1) {
        printf("%5llu", n);
        if (++col % 10 == 0)
            printf("\n");
        if (n == 1)
            break;
        n = (n % 2 == 0) ? n / 2 : 3 * n + 1;
    }
    printf("\n");
    return best % 256;
}
