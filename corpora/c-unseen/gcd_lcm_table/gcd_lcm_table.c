/* GCD and LCM tables, the extended Euclidean algorithm, modular
 * inverses, and fraction arithmetic with reduction. */
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    long num;
    long den;
} Fraction;

static long gcd(long a, long b)
{
    a = labs(a);
    b = labs(b);
    while (b != 0) {
        long t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static long lcm(long a, long b)
{
    return a / gcd(a, b) * b;
}

static long ext_gcd(long a, long b, long *x, long *y)
{
    long x1, y1, g;
    if (b == 0) {
        *x = 1;
        *y = 0;
        return a;
    }
    g = ext_gcd(b, a % b, &x1, &y1);
    *x = y1;
    *y = x1 - (a / b) * y1;
    return g;
}

static Fraction make(long n, long d)
{
    Fraction f;
    long g = gcd(n, d);
    if (d < 0) {
        n = -n;
        d = -d;
    }
    f.num = n / g;
    f.den = d / g;
    return f;
}

static Fraction add(Fraction a, Fraction b)
{
    long l = lcm(a.den, b.den);
    return make(a.num * (l / a.den) + b.num * (l / b.den), l);
}

int main(void)
{
    int i, j;
    long x, y, m;
    Fraction h = { 0, 1 };

    printf("gcd |");
    for (j = 1; j <= 12; j++)
        printf("%3d", j);
    printf("\n----+------------------------------------\n");
    for (i = 1; i <= 12; i++) {
        printf("%3d |", i);
        for (j = 1; j <= 12; j++)
            printf("%3ld", gcd(i, j));
        printf("\n");
    }
    printf("lcm(1..n):");
    for (i = 1, m = 1; i <= 20; i++) {
        m = lcm(m, i);
        if (i % 4 == 0)
            printf(" [%d]=%ld", i, m);
    }
    printf("\n");

    {
        const long pairs[][2] = { {240, 46}, {35, 15}, {17, 5}, {-48, 18}, {1071, 462} };
        for (i = 0; i < 5; i++) {
            long g = ext_gcd(pairs[i][0], pairs[i][1], &x, &y);
            printf("ext_gcd(%ld, %ld) = %ld = %ld*%ld + %ld*%ld\n", pairs[i][0], pairs[i][1], g,
                   pairs[i][0], x, pairs[i][1], y);
        }
    }
    printf("inverses mod 13:");
    for (i = 1; i < 13; i++) {
        ext_gcd(i, 13, &x, &y);
        printf(" %ld", ((x % 13) + 13) % 13);
    }
    printf("\n");

    for (i = 1; i <= 10; i++) {
        h = add(h, make(1, i));
        printf("H(%2d) = %ld/%ld\n", i, h.num, h.den);
    }
    h = add(make(3, -4), make(5, 6));
    printf("-3/4 + 5/6 = %ld/%ld\n", h.num, h.den);
    return 0;
}
