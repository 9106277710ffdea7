/* Exercises: arrays passed to functions as `int *a` and `int a[]` and
 * indexed there, functions that modify the caller's array, const array
 * parameters, char array parameters, and passing a row of a 2-D array.
 * Original program written for this corpus. */
#include <stdio.h>

static int sum(int *a, int n) {
    int s = 0;
    for (int i = 0; i < n; i++)
        s += a[i];
    return s;
}

static int max_of(int a[], int n) {
    int m = a[0];
    for (int i = 1; i < n; i++)
        if (a[i] > m)
            m = a[i];
    return m;
}

static void scale(int a[], int n, int k) {
    for (int i = 0; i < n; i++)
        a[i] *= k;
}

static int count_if_above(const int *a, int n, int limit) {
    int c = 0;
    for (int i = 0; i < n; i++)
        c += a[i] > limit;
    return c;
}

static int length(char s[]) {
    int n = 0;
    while (s[n] != '\0')
        n++;
    return n;
}

static void fill_range(int *out, int n, int start, int step) {
    for (int i = 0; i < n; i++)
        out[i] = start + i * step;
}

static int dot(int *x, int *y, int n) {
    int d = 0;
    for (int i = 0; i < n; i++)
        d += x[i] * y[i];
    return d;
}

int main(void) {
    int v[6] = {4, 9, -2, 15, 3, 8};
    printf("sum=%d max=%d\n", sum(v, 6), max_of(v, 6));
    printf("sum of first 3=%d\n", sum(v, 3));
    scale(v, 6, 3);
    printf("scaled: ");
    for (int i = 0; i < 6; i++)
        printf("%d ", v[i]);
    printf("\nabove 10: %d\n", count_if_above(v, 6, 10));

    int r[5];
    fill_range(r, 5, 100, -7);
    printf("range: %d %d %d %d %d\n", r[0], r[1], r[2], r[3], r[4]);

    int w[5] = {1, 2, 3, 4, 5};
    printf("dot=%d self=%d\n", dot(r, w, 5), dot(w, w, 5));

    char name[] = "function";
    char empty[] = "";
    printf("len=%d len2=%d\n", length(name), length(empty));

    int grid[3][4] = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
    int total = 0;
    for (int row = 0; row < 3; row++)
        total += sum(grid[row], 4);
    printf("grid total=%d row max=%d\n", total, max_of(grid[2], 4));
    scale(grid[1], 4, -1);
    printf("row1 now: %d %d %d %d\n", grid[1][0], grid[1][1], grid[1][2], grid[1][3]);
    return 0;
}
