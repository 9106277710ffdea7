/* Exercises: math.h functions sqrt, pow, fabs, floor, ceil, fmod, plus
 * their use in a distance computation, a quadratic solver, rounding helpers
 * built from floor, and a numerical integration (trapezoid rule).
 * Original program written for this corpus. */
#include <stdio.h>
#include <math.h>

struct pt { double x, y; };

static double dist(struct pt a, struct pt b) {
    return sqrt(pow(a.x - b.x, 2) + pow(a.y - b.y, 2));
}

static int solve_quadratic(double a, double b, double c, double *r1, double *r2) {
    double disc = b * b - 4 * a * c;
    if (disc < 0)
        return 0;
    double s = sqrt(disc);
    *r1 = (-b - s) / (2 * a);
    *r2 = (-b + s) / (2 * a);
    return disc == 0 ? 1 : 2;
}

static double round_half_away(double x) {
    return x < 0 ? -floor(-x + 0.5) : floor(x + 0.5);
}

static double f(double x) { return x * x * x - 2 * x + 1; }

int main(void) {
    double xs[6] = {-2.5, -0.5, 0.0, 0.49, 2.5, 7.999};
    for (int i = 0; i < 6; i++) {
        double x = xs[i];
        printf("x=%6.3f fabs=%.3f floor=%.1f ceil=%.1f round=%.1f fmod3=%.3f\n", x, fabs(x),
               floor(x), ceil(x), round_half_away(x), fmod(x, 3.0));
    }

    printf("sqrt(2)=%.15f sqrt(144)=%g sqrt(0)=%g\n", sqrt(2.0), sqrt(144.0), sqrt(0.0));
    printf("pow(2,10)=%g pow(2,0.5)=%.12f pow(10,-3)=%g pow(-3,3)=%g\n", pow(2, 10),
           pow(2, 0.5), pow(10, -3), pow(-3, 3));

    struct pt a = {0, 0}, b = {3, 4}, c = {-1.5, 2.25};
    printf("d(a,b)=%.4f d(b,c)=%.4f d(a,c)=%.4f\n", dist(a, b), dist(b, c), dist(a, c));

    double coeffs[3][3] = {{1, -3, 2}, {1, 2, 1}, {2, 1, 5}};
    for (int i = 0; i < 3; i++) {
        double r1 = 0, r2 = 0;
        int n = solve_quadratic(coeffs[i][0], coeffs[i][1], coeffs[i][2], &r1, &r2);
        if (n == 0)
            printf("q%d: no real roots\n", i);
        else
            printf("q%d: %d root(s) %.4f %.4f\n", i, n, r1, r2);
    }

    int steps = 1000;
    double lo = 0.0, hi = 2.0, h = (hi - lo) / steps, area = 0.0;
    for (int i = 0; i < steps; i++) {
        double x0 = lo + i * h, x1 = x0 + h;
        area += (f(x0) + f(x1)) * h / 2;
    }
    printf("integral=%.6f exact=%.6f err<1e-5: %d\n", area, 4.0 - 4.0 + 2.0,
           fabs(area - 2.0) < 1e-5);

    double hyp = 0.0;
    for (int k = 1; k <= 5; k++)
        hyp += sqrt((double)k);
    printf("sum sqrt(1..5)=%.9f floor=%d\n", hyp, (int)floor(hyp));
    return (int)ceil(hyp);
}
