/* Exercises: binary search (exact match, lower bound, upper bound) on sorted
 * arrays passed as parameters, counting occurrences with bounds, integer
 * square root by bisection, and searching a monotone function.
 * Original program written for this corpus. */
#include <stdio.h>

static int find(const int a[], int n, int key) {
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

static int lower_bound(const int a[], int n, int key) {
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (a[mid] < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static int upper_bound(const int a[], int n, int key) {
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (a[mid] <= key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static unsigned int isqrt(unsigned long long x) {
    unsigned long long lo = 0, hi = 4294967295ull;
    while (lo < hi) {
        unsigned long long mid = lo + (hi - lo + 1) / 2;
        if (mid * mid <= x)
            lo = mid;
        else
            hi = mid - 1;
    }
    return (unsigned int)lo;
}

static long cube(long x) { return x * x * x; }

int main(void) {
    int a[15] = {-9, -3, 0, 2, 2, 2, 5, 8, 13, 13, 21, 34, 55, 89, 144};
    int keys[7] = {-10, -9, 2, 7, 13, 144, 200};
    for (int i = 0; i < 7; i++) {
        int k = keys[i];
        int lb = lower_bound(a, 15, k), ub = upper_bound(a, 15, k);
        int idx = find(a, 15, k);
        printf("key %4d: found=%s lb=%2d ub=%2d count=%d\n", k, idx >= 0 ? "yes" : "no ", lb, ub,
               ub - lb);
    }

    unsigned long long xs[6] = {0, 1, 15, 16, 1000000007ull, 18446744073709551615ull};
    for (int i = 0; i < 6; i++)
        printf("isqrt(%llu)=%u\n", xs[i], isqrt(xs[i]));

    long target = 123456789;
    long lo = 0, hi = 1000;
    while (lo < hi) {
        long mid = (lo + hi) / 2;
        if (cube(mid) < target)
            lo = mid + 1;
        else
            hi = mid;
    }
    printf("smallest x with x^3 >= %ld: %ld (%ld)\n", target, lo, cube(lo));

    int probes = 0;
    for (int k = -20; k <= 150; k++)
        if (find(a, 15, k) >= 0)
            probes++;
    printf("distinct keys present=%d\n", probes);
    return probes;
}
