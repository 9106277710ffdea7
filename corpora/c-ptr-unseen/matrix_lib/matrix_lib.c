/* matrix_lib: integer matrices with malloc'd rows: multiply, transpose, element-wise maps, fast powers (Fibonacci), and a determinant by Bareiss elimination with row-pointer swaps. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>

struct matrix {
    int rows, cols;
    long **a;
};

static int live_rows;

static struct matrix mat_new(int rows, int cols)
{
    struct matrix m = { rows, cols, malloc((size_t)rows * sizeof(long *)) };
    int i;
    if (m.a == NULL)
        exit(2);
    for (i = 0; i < rows; i++) {
        m.a[i] = calloc((size_t)cols, sizeof **m.a);
        if (m.a[i] == NULL)
            exit(2);
        live_rows++;
    }
    return m;
}

static void mat_free(struct matrix *m)
{
    int i;
    for (i = 0; i < m->rows; i++, live_rows--)
        free(m->a[i]);
    free(m->a);
}

static struct matrix mat_from(int rows, int cols, const long *vals)
{
    struct matrix m = mat_new(rows, cols);
    int i;
    for (i = 0; i < rows * cols; i++)
        m.a[i / cols][i % cols] = *vals++;
    return m;
}

static struct matrix mat_mul(const struct matrix *x, const struct matrix *y)
{
    struct matrix r = mat_new(x->rows, y->cols);
    int i, j, k;
    for (i = 0; i < x->rows; i++)
        for (k = 0; k < x->cols; k++)
            for (j = 0; j < y->cols; j++)
                r.a[i][j] += x->a[i][k] * y->a[k][j];
    return r;
}

static struct matrix mat_transpose(const struct matrix *x)
{
    struct matrix r = mat_new(x->cols, x->rows);
    int i, j;
    for (i = 0; i < x->rows; i++)
        for (j = 0; j < x->cols; j++)
            r.a[j][i] = x->a[i][j];
    return r;
}

static void mat_map(struct matrix *m, long (*f)(long))
{
    int i;
    for (i = 0; i < m->rows; i++)
        for (long *p = m->a[i]; p < m->a[i] + m->cols; p++)
            *p = f(*p);
}

static struct matrix mat_pow(const struct matrix *x, unsigned n)
{
    struct matrix result = mat_new(x->rows, x->cols), base, tmp;
    int i;
    for (i = 0; i < x->rows; i++)
        result.a[i][i] = 1;
    base = mat_mul(&result, x); /* I * x: a private copy of x */
    for (; n > 0; n >>= 1) {
        if (n & 1) {
            tmp = mat_mul(&result, &base);
            mat_free(&result);
            result = tmp;
        }
        tmp = mat_mul(&base, &base);
        mat_free(&base);
        base = tmp;
    }
    mat_free(&base);
    return result;
}

static long determinant(const struct matrix *x)
{
    struct matrix m = mat_transpose(x); /* det(A^T) == det(A); also a private copy */
    long prev = 1, det;
    int n = m.rows, k, i, j, sign = 1;
    for (k = 0; k < n - 1; k++) {
        if (m.a[k][k] == 0) {
            for (i = k + 1; i < n && m.a[i][k] == 0; i++)
                ;
            if (i == n) { mat_free(&m); return 0; }
            long *t = m.a[k]; m.a[k] = m.a[i]; m.a[i] = t; /* swap row pointers */
            sign = -sign;
        }
        for (i = k + 1; i < n; i++)
            for (j = k + 1; j < n; j++)
                m.a[i][j] = (m.a[i][j] * m.a[k][k] - m.a[i][k] * m.a[k][j]) / prev;
        prev = m.a[k][k];
    }
    det = sign * m.a[n - 1][n - 1];
    mat_free(&m);
    return det;
}

static void mat_print(const char *name, const struct matrix *m)
{
    int i, j;
    printf("%s (%dx%d):\n", name, m->rows, m->cols);
    for (i = 0; i < m->rows; i++) {
        for (j = 0; j < m->cols; j++)
            printf("%7ld", m->a[i][j]);
        putchar('\n');
    }
}

static long square(long v) { return v * v; }

int main(void)
{
    static const long av[] = { 1, 2, 3, 4, 5, 6 }, bv[] = { 7, 8, 9, 10, 11, 12 }, fv[] = { 1, 1, 1, 0 };
    static const long cv[] = { 0, 2, 1, 3, 1, 4, 5, 2, 2, 0, 1, 3, 1, 1, 0, 2 };
    struct matrix a = mat_from(2, 3, av), b = mat_from(3, 2, bv), c = mat_from(4, 4, cv);
    struct matrix f = mat_from(2, 2, fv), ab = mat_mul(&a, &b), at = mat_transpose(&a);
    struct matrix f40 = mat_pow(&f, 40);
    const struct matrix *dets[] = { &ab, &c, &f40 };
    static const char *const names[] = { "A*B", "C", "F^40" };
    int i;

    mat_print("A*B", &ab);
    mat_map(&at, square);
    mat_print("A^T squared elementwise", &at);
    printf("F^40 top row: %ld %ld\n", f40.a[0][0], f40.a[0][1]);
    for (i = 0; i < 3; i++)
        printf("det(%s) = %ld\n", names[i], determinant(dets[i]));
    mat_free(&a); mat_free(&b); mat_free(&c); mat_free(&f); mat_free(&ab); mat_free(&at); mat_free(&f40);
    printf("rows still allocated: %d\n", live_rows);
    return live_rows;
}
