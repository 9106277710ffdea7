/* Exercises: integer matrix multiplication with fixed-size 2-D arrays
 * passed to functions, identity check, matrix power by repeated squaring
 * (Fibonacci via [[1,1],[1,0]]), transpose, and determinant of a 3x3.
 * Original program written for this corpus. */
#include <stdio.h>

#define N 4

static void matmul(long a[N][N], long b[N][N], long out[N][N]) {
    long tmp[N][N];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            long s = 0;
            for (int k = 0; k < N; k++)
                s += a[i][k] * b[k][j];
            tmp[i][j] = s;
        }
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            out[i][j] = tmp[i][j];
}

static void print_m(const char *name, long m[N][N]) {
    printf("%s:\n", name);
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++)
            printf("%13ld", m[i][j]);
        printf("\n");
    }
}

static void mat2_mul(long long a[2][2], long long b[2][2]) {
    long long r00 = a[0][0] * b[0][0] + a[0][1] * b[1][0];
    long long r01 = a[0][0] * b[0][1] + a[0][1] * b[1][1];
    long long r10 = a[1][0] * b[0][0] + a[1][1] * b[1][0];
    long long r11 = a[1][0] * b[0][1] + a[1][1] * b[1][1];
    a[0][0] = r00; a[0][1] = r01; a[1][0] = r10; a[1][1] = r11;
}

static long long fib(int n) {
    long long result[2][2] = {{1, 0}, {0, 1}};
    long long base[2][2] = {{1, 1}, {1, 0}};
    while (n > 0) {
        if (n & 1)
            mat2_mul(result, base);
        n >>= 1;
        if (n > 0)
            mat2_mul(base, base);
    }
    return result[0][1];
}

static int det3(int m[3][3]) {
    return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) -
           m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0]) +
           m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
}

int main(void) {
    long a[N][N], b[N][N], id[N][N], c[N][N];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = i * N + j + 1;
            b[i][j] = (i + 2 * j) % 5 - 2;
            id[i][j] = i == j;
        }
    matmul(a, b, c);
    print_m("a*b", c);
    matmul(a, id, c);
    int same = 1;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            if (c[i][j] != a[i][j])
                same = 0;
    printf("a*I==a: %d\n", same);
    matmul(a, a, c);
    matmul(c, c, c);
    print_m("a^4", c);

    for (int n = 0; n <= 90; n += 15)
        printf("fib(%d)=%lld\n", n, fib(n));

    int m[3][3] = {{2, -3, 1}, {2, 0, -1}, {1, 4, 5}};
    printf("det=%d\n", det3(m));
    return same ? 0 : 1;
}
