/* Integer matrix operations on fixed 4x4 arrays: multiply, transpose,
 * trace, determinant by cofactor expansion, and matrix power. */
#include <stdio.h>

#define N 4

typedef struct {
    int rows, cols;
    long long v[N][N];
} Matrix;

static Matrix mat_identity(int n)
{
    Matrix m;
    int i, j;
    m.rows = m.cols = n;
    for (i = 0; i < N; i++)
        for (j = 0; j < N; j++)
            m.v[i][j] = (i == j && i < n) ? 1 : 0;
    return m;
}

static Matrix mat_mul(const Matrix *a, const Matrix *b)
{
    Matrix r = mat_identity(a->rows);
    int i, j, k;
    r.cols = b->cols;
    for (i = 0; i < a->rows; i++)
        for (j = 0; j < b->cols; j++) {
            long long sum = 0;
            for (k = 0; k < a->cols; k++)
                sum += a->v[i][k] * b->v[k][j];
            r.v[i][j] = sum;
        }
    return r;
}

static Matrix mat_transpose(Matrix m)
{
    Matrix t = m;
    int i, j;
    t.rows = m.cols;
    t.cols = m.rows;
    for (i = 0; i < m.rows; i++)
        for (j = 0; j < m.cols; j++)
            t.v[j][i] = m.v[i][j];
    return t;
}

static long long determinant(long long a[N][N], int n)
{
    long long sub[N][N];
    long long det = 0;
    int sign = 1, col, i, j;
    if (n == 1)
        return a[0][0];
    if (n == 2)
        return a[0][0] * a[1][1] - a[0][1] * a[1][0];
    for (col = 0; col < n; col++) {
        for (i = 1; i < n; i++) {
            int sj = 0;
            for (j = 0; j < n; j++) {
                if (j == col)
                    continue;
                sub[i - 1][sj++] = a[i][j];
            }
        }
        det += sign * a[0][col] * determinant(sub, n - 1);
        sign = -sign;
    }
    return det;
}

static void mat_print(const char *title, const Matrix *m)
{
    int i, j;
    printf("%s (%dx%d):\n", title, m->rows, m->cols);
    for (i = 0; i < m->rows; i++) {
        for (j = 0; j < m->cols; j++)
            printf("%7lld", m->v[i][j]);
        putchar('\n');
    }
}

int main(void)
{
    Matrix a = { 4, 4, { {2, -1, 0, 3}, {1, 4, -2, 0}, {0, 5, 1, -1}, {3, 0, 2, 1} } };
    Matrix b = { 4, 4, { {1, 0, 2, 0}, {0, 1, 0, 2}, {3, 0, 1, 0}, {0, 3, 0, 1} } };
    Matrix fib = { 2, 2, { {1, 1, 0, 0}, {1, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0} } };
    Matrix p, ab, at, ata;
    long long trace = 0;
    int i, e;

    mat_print("A", &a);
    mat_print("B", &b);
    ab = mat_mul(&a, &b);
    mat_print("A*B", &ab);
    at = mat_transpose(a);
    ata = mat_mul(&at, &a);
    mat_print("A^T*A", &ata);
    for (i = 0; i < ata.rows; i++)
        trace += ata.v[i][i];
    printf("trace(A^T*A) = %lld\n", trace);
    printf("det(A) = %lld, det(B) = %lld, det(AB) = %lld\n",
           determinant(a.v, 4), determinant(b.v, 4), determinant(ab.v, 4));

    p = mat_identity(2);
    for (e = 1; e <= 40; e++) {
        p = mat_mul(&p, &fib);
        if (e % 10 == 0)
            printf("fib^%d: F(%d) = %lld\n", e, e, p.v[0][1]);
    }
    return 0;
}
