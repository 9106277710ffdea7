/* Exercises: 2D arrays as `int **`: a malloc'd array of row pointers, each row malloc'd
 * separately, with cleanup of partial allocations on failure; transpose and multiply into new
 * matrices, row swaps by swapping row pointers, and a jagged Pascal triangle.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>

static void mat_free(int **m, int rows) {
    if (!m)
        return;
    for (int i = 0; i < rows; i++)
        free(m[i]);
    free(m);
}

static int **mat_new(int rows, int cols) {
    int **m = malloc((size_t)rows * sizeof *m);
    if (!m)
        return NULL;
    for (int i = 0; i < rows; i++) {
        m[i] = calloc((size_t)cols, sizeof **m);
        if (!m[i]) {
            mat_free(m, i);
            return NULL;
        }
    }
    return m;
}

static int **transpose(int **a, int rows, int cols) {
    int **t = mat_new(cols, rows);
    if (t)
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
                t[j][i] = a[i][j];
    return t;
}

static int **multiply(int **a, int **b, int n, int k, int m) {
    int **c = mat_new(n, m);
    if (!c)
        return NULL;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++) {
            int *out = &c[i][j];
            for (int x = 0; x < k; x++)
                *out += a[i][x] * b[x][j];
        }
    return c;
}

static void mat_print(const char *label, int **m, int rows, int cols) {
    printf("%s:\n", label);
    for (int i = 0; i < rows; i++) {
        const int *row = m[i];
        for (const int *p = row; p < row + cols; p++)
            printf("%5d", *p);
        putchar('\n');
    }
}

int main(void) {
    int **a = mat_new(3, 4);
    if (!a)
        return 1;
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 4; j++)
            a[i][j] = (i + 1) * (j + 2) - 2 * j;
    mat_print("A (3x4)", a, 3, 4);

    int **t = transpose(a, 3, 4);
    int **p = t ? multiply(a, t, 3, 4, 3) : NULL;
    if (t)
        mat_print("A^T (4x3)", t, 4, 3);
    if (p)
        mat_print("A*A^T (3x3)", p, 3, 3);

    int *tmp = a[0]; /* swap rows 0 and 2 by pointer */
    a[0] = a[2];
    a[2] = tmp;
    mat_print("A rows swapped", a, 3, 4);

    int rows = 9;
    int **pascal = malloc((size_t)rows * sizeof *pascal);
    if (pascal) {
        for (int i = 0; i < rows; i++) {
            pascal[i] = malloc((size_t)(i + 1) * sizeof **pascal);
            if (!pascal[i]) {
                mat_free(pascal, i);
                pascal = NULL;
                break;
            }
            pascal[i][0] = pascal[i][i] = 1;
            for (int j = 1; j < i; j++)
                pascal[i][j] = pascal[i - 1][j - 1] + pascal[i - 1][j];
        }
    }
    if (pascal) {
        for (int i = 0; i < rows; i++) {
            printf("%*s", (rows - i) * 2, "");
            for (int j = 0; j <= i; j++)
                printf("%4d", pascal[i][j]);
            putchar('\n');
        }
        mat_free(pascal, rows);
    }
    mat_free(p, 3);
    mat_free(t, 4);
    mat_free(a, 3);
    return 0;
}
