/* Exercises: in-place algorithms over pointer ranges: quicksort with a pointer-based
 * partition, insertion sort that shifts with `p[-1]`, three-way (Dutch flag) partition with
 * three walking pointers, and `unique` returning the new logical end.
 * Original program written for this corpus. */
#include <stdio.h>

static void swap(int *x, int *y) {
    int t = *x;
    *x = *y;
    *y = t;
}

/* Lomuto partition of [lo, hi), pivot = last element; returns the pivot's final place */
static int *partition(int *lo, int *hi) {
    int *pivot = hi - 1;
    int *store = lo;
    for (int *p = lo; p < pivot; p++)
        if (*p < *pivot)
            swap(p, store++);
    swap(store, pivot);
    return store;
}

static void insertion_sort(int *first, int *last) {
    for (int *i = first + 1; i < last; i++) {
        int v = *i;
        int *j = i;
        while (j > first && j[-1] > v) {
            *j = j[-1];
            j--;
        }
        *j = v;
    }
}

static int depth_max;

static void quicksort(int *lo, int *hi, int depth) {
    if (depth > depth_max)
        depth_max = depth;
    while (hi - lo > 6) {
        int *mid = lo + (hi - lo) / 2;
        swap(mid, hi - 1); /* middle element as pivot */
        int *p = partition(lo, hi);
        if (p - lo < hi - p) { /* recurse on the smaller side */
            quicksort(lo, p, depth + 1);
            lo = p + 1;
        } else {
            quicksort(p + 1, hi, depth + 1);
            hi = p;
        }
    }
    insertion_sort(lo, hi);
}

static void dutch_flag(int *a, int n, int pivot) {
    int *lt = a, *i = a, *gt = a + n;
    while (i < gt) {
        if (*i < pivot)
            swap(lt++, i++);
        else if (*i > pivot)
            swap(i, --gt);
        else
            i++;
    }
}

static int *unique(int *first, int *last) {
    if (first == last)
        return last;
    int *out = first;
    while (++first != last)
        if (*first != *out)
            *++out = *first;
    return out + 1;
}

static void show(const char *label, const int *p, const int *end) {
    printf("%-7s(%2d):", label, (int)(end - p));
    for (; p != end; p++)
        printf(" %d", *p);
    putchar('\n');
}

int main(void) {
    int a[40];
    unsigned x = 2463534242u;
    for (int *p = a; p < a + 40; p++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *p = (int)(x % 25u);
    }
    show("input", a, a + 40);
    int b[40];
    for (int i = 0; i < 40; i++)
        b[i] = a[i];

    quicksort(a, a + 40, 0);
    show("sorted", a, a + 40);
    printf("max depth %d\n", depth_max);

    dutch_flag(b, 40, 12);
    int lt = 0, eq = 0;
    while (lt < 40 && b[lt] < 12)
        lt++;
    while (lt + eq < 40 && b[lt + eq] == 12)
        eq++;
    printf("flag: %d below, %d equal, %d above\n", lt, eq, 40 - lt - eq);
    insertion_sort(b, b + 40);
    int same = 1;
    for (int i = 0; i < 40; i++)
        same &= a[i] == b[i];
    printf("insertion sort agrees: %d\n", same);

    int *end = unique(a, a + 40);
    show("unique", a, end);
    end = unique(b, b + 1);
    show("one", b, end);
    return 0;
}
