/* Exercises: matrix multiplication of int and double matrices held in 2-D arrays passed
 * to functions (`int a[][N]`), the i-k-j loop order, a transpose, and traces and sums as
 * checksums; int-to-double conversions.
 * Original program written for this corpus. */
#include <stdio.h>

#define N 120
#define ROUNDS 400

static void fill_int(int m[][N], unsigned int seed) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            seed = seed * 1103515245u + 12345u;
            m[i][j] = (int)((seed >> 16) % 21u) - 10;
        }
}

static void mul_int(int a[][N], int b[][N], int c[][N]) {
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++)
            c[i][j] = 0;
        for (int k = 0; k < N; k++) {
            int aik = a[i][k];
            for (int j = 0; j < N; j++)
                c[i][j] += aik * b[k][j];
        }
    }
}

static void to_double(int a[][N], double d[][N], double scale) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            d[i][j] = a[i][j] * scale;
}

static void transpose(double a[][N], double t[][N]) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            t[j][i] = a[i][j];
}

/* c = a * b with b given transposed: dot products of rows. */
static void mul_double(double a[][N], double bt[][N], double c[][N]) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            double s = 0.0;
            for (int k = 0; k < N; k++)
                s += a[i][k] * bt[j][k];
            c[i][j] = s;
        }
}

static long trace_int(int c[][N]) {
    long t = 0;
    for (int i = 0; i < N; i++)
        t += c[i][i];
    return t;
}

static double sum_double(double c[][N]) {
    double s = 0.0;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            s += c[i][j] * (double)((i + j) % 7 - 3);
    return s;
}

int main(void) {
    static int a[N][N], b[N][N], c[N][N];
    static double da[N][N], db[N][N], dbt[N][N], dc[N][N];
    long itotal = 0;
    double dtotal = 0.0;
    for (int r = 0; r < ROUNDS; r++) {
        fill_int(a, 17u + (unsigned int)r);
        fill_int(b, 1000u + (unsigned int)r);
        mul_int(a, b, c);
        itotal += trace_int(c) + c[r % N][N - 1 - r % N];
        to_double(a, da, 0.25);
        to_double(c, db, 0.001);
        transpose(db, dbt);
        mul_double(da, dbt, dc);
        dtotal += sum_double(dc) / 1000.0;
    }
    printf("mat_mul: int total %ld, double total %.6f\n", itotal, dtotal);
    return 0;
}
