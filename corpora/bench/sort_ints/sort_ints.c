/* Exercises: shell sort, heap sort, bottom-up merge sort and insertion sort on int
 * arrays filled by an LCG (array parameters indexed with a[i]), a sortedness check and
 * a multiplicative checksum over the results.
 * Original program written for this corpus. */
#include <stdio.h>

#define N 40000
#define SMALL 3000
#define ROUNDS 44

static unsigned int seed = 12345u;

static unsigned int lcg(void) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) & 0xffffffu;
}

static void fill(int a[], int n) {
    for (int i = 0; i < n; i++)
        a[i] = (int)(lcg() % 1000000u) - 500000;
}

static void shell_sort(int a[], int n) {
    int gap = 1;
    while (gap < n / 3)
        gap = gap * 3 + 1;
    while (gap > 0) {
        for (int i = gap; i < n; i++) {
            int v = a[i];
            int j = i;
            while (j >= gap && a[j - gap] > v) {
                a[j] = a[j - gap];
                j -= gap;
            }
            a[j] = v;
        }
        gap /= 3;
    }
}

static void sift_down(int a[], int root, int end) {
    while (2 * root + 1 <= end) {
        int child = 2 * root + 1;
        if (child + 1 <= end && a[child] < a[child + 1])
            child++;
        if (a[root] >= a[child])
            return;
        int t = a[root];
        a[root] = a[child];
        a[child] = t;
        root = child;
    }
}

static void heap_sort(int a[], int n) {
    for (int start = (n - 2) / 2; start >= 0; start--)
        sift_down(a, start, n - 1);
    for (int end = n - 1; end > 0; end--) {
        int t = a[0];
        a[0] = a[end];
        a[end] = t;
        sift_down(a, 0, end - 1);
    }
}

static void merge_sort(int a[], int tmp[], int n) {
    for (int width = 1; width < n; width *= 2) {
        for (int lo = 0; lo < n; lo += 2 * width) {
            int mid = lo + width < n ? lo + width : n;
            int hi = lo + 2 * width < n ? lo + 2 * width : n;
            int i = lo, j = mid, k = lo;
            while (i < mid && j < hi) {
                if (a[i] <= a[j]) {
                    tmp[k] = a[i];
                    i++;
                } else {
                    tmp[k] = a[j];
                    j++;
                }
                k++;
            }
            while (i < mid)
                tmp[k++] = a[i++];
            while (j < hi)
                tmp[k++] = a[j++];
        }
        for (int i = 0; i < n; i++)
            a[i] = tmp[i];
    }
}

static void insertion_sort(int a[], int n) {
    for (int i = 1; i < n; i++) {
        int v = a[i];
        int j = i - 1;
        while (j >= 0 && a[j] > v) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static unsigned int checksum(int a[], int n, int *unsorted) {
    unsigned int h = 2166136261u;
    for (int i = 0; i < n; i++) {
        h = h * 31u + (unsigned int)a[i];
        if (i > 0 && a[i - 1] > a[i])
            *unsorted += 1;
    }
    return h;
}

int main(void) {
    int a[N];
    int tmp[N];
    int unsorted = 0;
    unsigned int total = 0;
    for (int round = 0; round < ROUNDS; round++) {
        fill(a, N);
        shell_sort(a, N);
        total = total * 7u + checksum(a, N, &unsorted);
        fill(a, N);
        heap_sort(a, N);
        total = total * 7u + checksum(a, N, &unsorted);
        fill(a, N);
        merge_sort(a, tmp, N);
        total = total * 7u + checksum(a, N, &unsorted);
        fill(a, SMALL);
        insertion_sort(a, SMALL);
        total = total * 7u + checksum(a, SMALL, &unsorted);
    }
    printf("sort_ints: checksum %u, unsorted pairs %d, min %d, max %d\n", total, unsorted,
           a[0], a[SMALL - 1]);
    return unsorted != 0;
}
