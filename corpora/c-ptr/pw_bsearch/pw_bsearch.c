/* Exercises: binary search over [first, last) pointer ranges: lower and upper bound returning
 * pointers, exact search returning NULL on a miss, equal ranges measured by pointer
 * difference, and insertion into a sorted array by shifting with pointers.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stddef.h>

static const int *lower_bound(const int *first, const int *last, int key) {
    while (first < last) {
        const int *mid = first + (last - first) / 2;
        if (*mid < key)
            first = mid + 1;
        else
            last = mid;
    }
    return first;
}

static const int *upper_bound(const int *first, const int *last, int key) {
    ptrdiff_t count = last - first;
    while (count > 0) {
        ptrdiff_t step = count / 2;
        const int *it = first + step;
        if (!(key < *it)) {
            first = it + 1;
            count -= step + 1;
        } else {
            count = step;
        }
    }
    return first;
}

static const int *find_sorted(const int *first, const int *last, int key) {
    const int *p = lower_bound(first, last, key);
    return (p != last && *p == key) ? p : NULL;
}

/* inserts key keeping a[0..*n) sorted; the array must have room */
static void sorted_insert(int *a, int *n, int key) {
    int *pos = (int *)lower_bound(a, a + *n, key);
    int *q = a + *n;
    while (q > pos) {
        *q = *(q - 1);
        q--;
    }
    *pos = key;
    (*n)++;
}

int main(void) {
    int a[32] = {1, 3, 3, 3, 7, 9, 12, 12, 20, 25, 31, 31, 31, 31, 40};
    int n = 15;
    const int *end = a + n;

    int probes[] = {0, 1, 3, 8, 12, 31, 40, 41};
    for (int i = 0; i < 8; i++) {
        int k = probes[i];
        const int *lo = lower_bound(a, end, k);
        const int *hi = upper_bound(a, end, k);
        const int *hit = find_sorted(a, end, k);
        printf("key %2d: lower=%2td upper=%2td count=%td %s\n", k, lo - a, hi - a, hi - lo,
               hit ? "found" : "missing");
    }

    int extra[] = {5, 0, 45, 31, 13, 13, 2};
    for (int i = 0; i < 7; i++)
        sorted_insert(a, &n, extra[i]);
    printf("after inserts (%d):", n);
    for (const int *p = a; p < a + n; p++)
        printf(" %d", *p);
    putchar('\n');

    /* integer square roots by searching a table of squares with pointers */
    int squares[46];
    for (int i = 0; i < 46; i++)
        squares[i] = i * i;
    int values[] = {0, 1, 2, 15, 16, 17, 99, 100, 2024};
    for (int i = 0; i < 9; i++) {
        const int *p = upper_bound(squares, squares + 46, values[i]);
        printf("isqrt(%d)=%td\n", values[i], (p - squares) - 1);
    }
    return 0;
}
