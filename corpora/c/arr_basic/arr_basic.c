/* Exercises: local 1-D arrays with initialisers (full, partial and
 * zero-filled), indexing with computed subscripts, in-place reversal,
 * prefix sums, min/max search, and a global array.
 * Original program written for this corpus. */
#include <stdio.h>

int squares[10];

int main(void) {
    int a[8] = {5, -3, 12, 0, 7, 7, -20, 4};
    int partial[6] = {1, 2};        /* rest zero */
    int zeros[5] = {0};
    char letters[5] = {'c', 'o', 'd', 'e', 's'};

    int mn = a[0], mx = a[0], imn = 0, imx = 0;
    for (int i = 1; i < 8; i++) {
        if (a[i] < mn) {
            mn = a[i];
            imn = i;
        }
        if (a[i] > mx) {
            mx = a[i];
            imx = i;
        }
    }
    printf("min=%d@%d max=%d@%d\n", mn, imn, mx, imx);

    for (int i = 0, j = 7; i < j; i++, j--) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
    for (int i = 0; i < 8; i++)
        printf("%d ", a[i]);
    printf("\n");

    int prefix[9];
    prefix[0] = 0;
    for (int i = 0; i < 8; i++)
        prefix[i + 1] = prefix[i] + a[i];
    printf("sum[2..6)=%d total=%d\n", prefix[6] - prefix[2], prefix[8]);

    int zsum = 0;
    for (int i = 0; i < 6; i++)
        zsum += partial[i] * (i + 1);
    for (int i = 0; i < 5; i++)
        zsum += zeros[i];
    printf("zsum=%d\n", zsum);

    for (int i = 0; i < 10; i++)
        squares[i] = i * i;
    int idx = 3;
    printf("squares[squares[idx]]=%d squares[9-idx]=%d\n", squares[squares[idx]],
           squares[9 - idx]);

    for (int i = 4; i >= 0; i--)
        putchar(letters[i]);
    putchar('\n');

    int hist[4] = {0, 0, 0, 0};
    for (int i = 0; i < 8; i++) {
        int v = a[i] < 0 ? -a[i] : a[i];
        hist[v % 4]++;
    }
    printf("hist=%d %d %d %d\n", hist[0], hist[1], hist[2], hist[3]);

    int copy[8];
    for (int i = 0; i < 8; i++)
        copy[i] = a[7 - i];
    int same = 1;
    for (int i = 0; i < 8; i++)
        if (copy[i] != a[7 - i])
            same = 0;
    printf("same=%d sizeof(a)=%zu count=%zu\n", same, sizeof(a), sizeof(a) / sizeof(a[0]));
    return 0;
}
