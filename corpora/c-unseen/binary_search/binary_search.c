/* Binary search variants: exact match, lower/upper bound, counting
 * duplicates, integer square root, and search in a rotated array. */
#include <stdio.h>

static int binary_search(const int a[], int n, int key)
{
    int lo = 0, hi = n - 1;
    while (lo <= hi) {
        int mid = lo + (hi - lo) / 2;
        if (a[mid] == key)
            return mid;
        if (a[mid] < key)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return -1;
}

static int lower_bound(const int a[], int n, int key)
{
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (a[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int upper_bound(const int a[], int n, int key)
{
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (a[mid] <= key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static unsigned isqrt(unsigned long long x)
{
    unsigned long long lo = 0, hi = 4294967295ULL;
    while (lo < hi) {
        unsigned long long mid = lo + (hi - lo + 1) / 2;
        if (mid * mid <= x)
            lo = mid;
        else
            hi = mid - 1;
    }
    return (unsigned)lo;
}

static int search_rotated(const int a[], int n, int key, int *steps)
{
    int lo = 0, hi = n - 1;
    *steps = 0;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        ++*steps;
        if (a[mid] == key)
            return mid;
        if (a[lo] <= a[mid]) {
            if (key >= a[lo] && key < a[mid])
                hi = mid - 1;
            else
                lo = mid + 1;
        } else {
            if (key > a[mid] && key <= a[hi])
                lo = mid + 1;
            else
                hi = mid - 1;
        }
    }
    return -1;
}

int main(void)
{
    const int sorted[] = { 2, 3, 5, 5, 5, 8, 13, 21, 21, 34, 55, 89 };
    const int rotated[] = { 40, 47, 51, 60, 72, 3, 9, 15, 22, 31 };
    const int keys[] = { 5, 21, 1, 100, 34, 7 };
    const int rkeys[] = { 51, 3, 31, 40, 72, 23, 9 };
    const unsigned long long roots[] = { 0, 1, 15, 16, 17, 1000000, 999999999999ULL,
                                         18446744073709551615ULL };
    int n = (int)(sizeof sorted / sizeof sorted[0]);
    size_t i;

    printf("%5s %5s %5s %5s %5s\n", "key", "found", "lower", "upper", "count");
    for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        int lb = lower_bound(sorted, n, keys[i]);
        int ub = upper_bound(sorted, n, keys[i]);
        printf("%5d %5d %5d %5d %5d\n", keys[i], binary_search(sorted, n, keys[i]), lb, ub,
               ub - lb);
    }
    for (i = 0; i < sizeof roots / sizeof roots[0]; i++)
        printf("isqrt(%llu) = %u\n", roots[i], isqrt(roots[i]));
    for (i = 0; i < sizeof rkeys / sizeof rkeys[0]; i++) {
        int key = rkeys[i], steps;
        int at = search_rotated(rotated, 10, key, &steps);
        printf("rotated search %2d -> %2d in %d steps\n", key, at, steps);
    }
    return 0;
}
