/* Exercises: heap arrays: malloc'd int arrays filled by index and by pointer, calloc'd double
 * arrays that start at zero, functions returning a freshly allocated array (caller frees),
 * a histogram in calloc'd counters, and realloc to shrink and grow a buffer.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>

static int *range(int from, int to, int step, size_t *n) {
    size_t count = 0;
    for (int v = from; v < to; v += step)
        count++;
    int *a = malloc((count + 1) * sizeof *a);
    if (!a)
        return NULL;
    int *p = a;
    for (int v = from; v < to; v += step)
        *p++ = v;
    *n = count;
    return a;
}

static double *moving_average(const int *a, size_t n, size_t w, size_t *out_n) {
    *out_n = n >= w ? n - w + 1 : 0;
    double *avg = calloc(*out_n + 1, sizeof *avg);
    if (!avg)
        return NULL;
    for (size_t i = 0; i < *out_n; i++) {
        for (size_t j = 0; j < w; j++)
            avg[i] += a[i + j];
        avg[i] /= (double)w;
    }
    return avg;
}

int main(void) {
    size_t n = 0;
    int *a = range(3, 50, 4, &n);
    if (!a)
        return 1;
    printf("range (%zu):", n);
    for (size_t i = 0; i < n; i++)
        printf(" %d", a[i]);
    putchar('\n');

    size_t m = 0;
    double *avg = moving_average(a, n, 4, &m);
    if (avg) {
        printf("avg4 (%zu):", m);
        for (const double *p = avg; p < avg + m; p++)
            printf(" %.2f", *p);
        putchar('\n');
        free(avg);
    }

    double *zeros = calloc(5, sizeof *zeros);
    if (zeros) {
        double sum = 0;
        for (int i = 0; i < 5; i++)
            sum += zeros[i];
        printf("calloc'd doubles sum to %.1f\n", sum);
        free(zeros);
    }

    int *hist = calloc(10, sizeof *hist);
    if (hist) {
        for (size_t i = 0; i < n; i++)
            hist[a[i] % 10]++;
        printf("last digits:");
        for (int d = 0; d < 10; d++)
            if (hist[d])
                printf(" %d:%d", d, hist[d]);
        putchar('\n');
        free(hist);
    }

    int *shrunk = realloc(a, 4 * sizeof *a);
    if (!shrunk) {
        free(a);
        return 1;
    }
    a = shrunk;
    printf("after shrink: %d %d %d %d\n", a[0], a[1], a[2], a[3]);
    int *grown = realloc(a, 12 * sizeof *a);
    if (!grown) {
        free(a);
        return 1;
    }
    a = grown;
    for (int i = 4; i < 12; i++)
        a[i] = a[i - 1] * 2 - a[i - 4];
    printf("after grow:");
    for (int i = 0; i < 12; i++)
        printf(" %d", a[i]);
    putchar('\n');
    free(a);
    return 0;
}
