/* Exercises: top-down merge sort that splits with `a + n/2` and merges the two pointer halves
 * through a malloc'd scratch buffer, a merge of two sorted arrays into a third, and counting
 * inversions during the merge.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long inversions;

static void merge(int *a, size_t n, int *tmp) {
    int *left = a, *left_end = a + n / 2;
    int *right = left_end, *right_end = a + n;
    int *out = tmp;
    while (left < left_end && right < right_end) {
        if (*right < *left) {
            inversions += left_end - left;
            *out++ = *right++;
        } else {
            *out++ = *left++;
        }
    }
    while (left < left_end)
        *out++ = *left++;
    while (right < right_end)
        *out++ = *right++;
    memcpy(a, tmp, n * sizeof *a);
}

static void msort(int *a, size_t n, int *tmp) {
    if (n < 2)
        return;
    size_t half = n / 2;
    msort(a, half, tmp);
    msort(a + half, n - half, tmp + half);
    merge(a, n, tmp);
}

static void merge_sort(int *a, size_t n) {
    int *tmp = malloc(n * sizeof *tmp);
    if (!tmp)
        return;
    msort(a, n, tmp);
    free(tmp);
}

static int *merge_two(const int *a, size_t na, const int *b, size_t nb, size_t *nout) {
    int *r = malloc((na + nb) * sizeof *r);
    if (!r)
        return NULL;
    const int *ae = a + na, *be = b + nb;
    int *o = r;
    while (a < ae || b < be) {
        if (b == be || (a < ae && *a <= *b))
            *o++ = *a++;
        else
            *o++ = *b++;
    }
    *nout = (size_t)(o - r);
    return r;
}

static void show(const char *label, const int *p, size_t n) {
    printf("%s:", label);
    for (const int *e = p + n; p < e; p++)
        printf(" %d", *p);
    putchar('\n');
}

int main(void) {
    int a[20];
    unsigned seed = 12345u;
    for (int i = 0; i < 20; i++) {
        seed = seed * 1103515245u + 12345u;
        a[i] = (int)((seed >> 16) % 100u) - 30;
    }
    show("input", a, 20);
    inversions = 0;
    merge_sort(a, 20);
    show("sorted", a, 20);
    printf("inversions=%ld\n", inversions);

    int b[] = {5, 4, 3, 2, 1, 0};
    inversions = 0;
    merge_sort(b, 6);
    show("b", b, 6);
    printf("inversions=%ld\n", inversions);

    size_t nm = 0;
    int *m = merge_two(a, 20, b, 6, &nm);
    if (m) {
        printf("merged %zu", nm);
        show("", m, nm);
        int ok = 1;
        for (const int *p = m + 1; p < m + nm; p++)
            if (p[-1] > *p)
                ok = 0;
        printf("merged sorted=%d\n", ok);
        free(m);
    }
    return 0;
}
