/* Exercises: 2-D arrays (local and global), nested-loop traversal, transpose
 * into another array, row/column sums, diagonal, a 2-D array passed to a
 * function with a fixed column count, and a Pascal triangle.
 * Original program written for this corpus. */
#include <stdio.h>

#define R 3
#define C 4

int pascal[10][10];

static int trace3(int m[3][3]) {
    return m[0][0] + m[1][1] + m[2][2];
}

static void fill_spiral(int m[3][3]) {
    int v = 1, top = 0, bottom = 2, left = 0, right = 2;
    while (top <= bottom && left <= right) {
        for (int c = left; c <= right; c++) m[top][c] = v++;
        top++;
        for (int r = top; r <= bottom; r++) m[r][right] = v++;
        right--;
        if (top <= bottom) {
            for (int c = right; c >= left; c--) m[bottom][c] = v++;
            bottom--;
        }
        if (left <= right) {
            for (int r = bottom; r >= top; r--) m[r][left] = v++;
            left++;
        }
    }
}

int main(void) {
    int m[R][C];
    for (int r = 0; r < R; r++)
        for (int c = 0; c < C; c++)
            m[r][c] = r * 10 + c;

    int t[C][R];
    for (int r = 0; r < R; r++)
        for (int c = 0; c < C; c++)
            t[c][r] = m[r][c];

    for (int r = 0; r < C; r++) {
        int rowsum = 0;
        for (int c = 0; c < R; c++) {
            printf("%3d", t[r][c]);
            rowsum += t[r][c];
        }
        printf(" | %d\n", rowsum);
    }

    for (int n = 0; n < 10; n++) {
        pascal[n][0] = 1;
        pascal[n][n] = 1;
        for (int k = 1; k < n; k++)
            pascal[n][k] = pascal[n - 1][k - 1] + pascal[n - 1][k];
    }
    for (int n = 0; n < 7; n++) {
        for (int k = 0; k <= n; k++)
            printf("%d ", pascal[n][k]);
        printf("\n");
    }
    printf("C(9,4)=%d\n", pascal[9][4]);

    int sp[3][3];
    fill_spiral(sp);
    for (int r = 0; r < 3; r++)
        printf("%d %d %d\n", sp[r][0], sp[r][1], sp[r][2]);
    printf("trace=%d\n", trace3(sp));

    int id[3][3] = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    int colsum[3] = {0};
    for (int c = 0; c < 3; c++)
        for (int r = 0; r < 3; r++)
            colsum[c] += id[r][c] + sp[r][c];
    printf("colsum=%d %d %d\n", colsum[0], colsum[1], colsum[2]);
    return 0;
}
