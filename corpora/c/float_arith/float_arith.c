/* Exercises: float and double arithmetic: accumulation error (float vs
 * double), mixed int/double expressions, division producing fractions,
 * comparisons, float literals with suffixes, Kahan summation, and the
 * Newton iteration for a cube root. Original program written for this corpus. */
#include <stdio.h>

static double kahan_sum(const double v[], int n) {
    double sum = 0.0, comp = 0.0;
    for (int i = 0; i < n; i++) {
        double y = v[i] - comp;
        double t = sum + y;
        comp = (t - sum) - y;
        sum = t;
    }
    return sum;
}

static double cbrt_newton(double a) {
    double x = a > 1.0 ? a / 3.0 : 1.0;
    for (int i = 0; i < 40; i++)
        x = x - (x * x * x - a) / (3.0 * x * x);
    return x;
}

int main(void) {
    float fsum = 0.0f;
    double dsum = 0.0;
    for (int i = 0; i < 1000; i++) {
        fsum += 0.1f;
        dsum += 0.1;
    }
    printf("fsum=%.6f dsum=%.12f\n", fsum, dsum);
    printf("dsum==100: %d fabs-ish diff<1e-9: %d\n", dsum == 100.0,
           (dsum - 100.0 < 1e-9) && (100.0 - dsum < 1e-9));

    int a = 7, b = 2;
    double q1 = a / b;             /* integer division first: 3 */
    double q2 = (double)a / b;     /* 3.5 */
    double q3 = a / 2.0;
    printf("q1=%.2f q2=%.2f q3=%.2f\n", q1, q2, q3);

    double vals[5] = {1e16, 1.0, -1e16, 3.25, 0.125};
    double naive = 0.0;
    for (int i = 0; i < 5; i++)
        naive += vals[i];
    printf("naive=%.3f kahan=%.3f\n", naive, kahan_sum(vals, 5));

    double cubes[4] = {27.0, 2.0, 1000.0, 0.001};
    for (int i = 0; i < 4; i++)
        printf("cbrt(%g)=%.10f\n", cubes[i], cbrt_newton(cubes[i]));

    float f = 16777216.0f;         /* 2^24: the next float is 2^24 + 2 */
    float f1 = f + 1.0f;
    printf("f1==f: %d\n", f1 == f);

    double third = 1.0 / 3.0;
    printf("third*3==1: %d  0.1+0.2==0.3: %d\n", third * 3.0 == 1.0, 0.1 + 0.2 == 0.3);

    double compound = 1000.0;
    for (int year = 0; year < 10; year++)
        compound *= 1.05;
    printf("compound=%.4f\n", compound);

    float ff = 3.0f / 7.0f;
    double dd = 3.0 / 7.0;
    printf("ff=%.9f dd=%.17f diff=%.3e\n", ff, dd, dd - ff);

    double mean = 0.0, m2 = 0.0;
    double data[8] = {2, 4, 4, 4, 5, 5, 7, 9};
    for (int i = 0; i < 8; i++) {
        double delta = data[i] - mean;
        mean += delta / (i + 1);
        m2 += delta * (data[i] - mean);
    }
    printf("mean=%.3f var=%.3f\n", mean, m2 / 8);
    double neg = -2.5 * 4 + 1.0;
    printf("neg=%.1f half=%.2f\n", neg, neg / 2);
    return (int)mean;
}
