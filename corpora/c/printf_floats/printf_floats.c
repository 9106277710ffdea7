/* Exercises: printf floating conversions %f %e %g (and %E %G) with default
 * and explicit precision, width, the flags '-', '0', '+', ' ', '#', negative
 * zero, values that round at the printed precision, and float arguments
 * promoted to double. Original program written for this corpus. */
#include <stdio.h>

int main(void) {
    double vals[8] = {0.0, 1.0, -2.5, 3.14159265358979, 1234567.891, 0.000123456, 1e20, -1e-7};
    for (int i = 0; i < 8; i++) {
        double v = vals[i];
        printf("[%f] [%.2f] [%10.3f] [%-10.1f] [%e] [%.3e] [%g] [%.3g]\n", v, v, v, v, v, v, v,
               v);
    }

    printf("[%+f] [% f] [%+.1f] [%010.2f] [%-+10.2f|]\n", 1.5, 1.5, -0.05, -3.25, 2.0);
    printf("[%.0f] [%.0f] [%.0f] [%.0f] [%#.0f]\n", 0.5, 1.5, 2.5, -0.5, 3.0);
    printf("[%E] [%G] [%G] [%#g]\n", 12345.678, 0.0000123, 123456789.0, 1.0);
    printf("[%g] [%g] [%g] [%g] [%g]\n", 100000.0, 1000000.0, 0.0001, 0.00001, 123.456);
    printf("[%.10g] [%.1g] [%.0g]\n", 2.0 / 3.0, 0.96, 25.0);

    float f = 0.1f;
    double d = 0.1;
    printf("[%.10f] [%.10f] [%.20f]\n", f, d, d);
    printf("[%.17g] [%.9g]\n", d, f);

    double neg_zero = -0.0;
    printf("[%f] [%g] [%e]\n", neg_zero, neg_zero, neg_zero);

    double big = 9007199254740993.0;   /* rounds to 2^53 + 0 or 2 */
    printf("[%.0f] [%.3e]\n", big, big);
    printf("[%f] [%e]\n", 1.0 / 3.0, 2.0 / 3.0);
    printf("[%8.3f|%-8.3f|%08.3f]\n", 3.14159, 3.14159, -3.14159);

    double acc = 0.0;
    for (int i = 1; i <= 10; i++) {
        acc += 1.0 / i;
        printf("H%-2d=%9.6f %11.4e %g\n", i, acc, acc, acc);
    }
    printf("[%5.1f%%]\n", 99.44);
    return 0;
}
