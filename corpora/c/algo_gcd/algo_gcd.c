/* Exercises: Euclid's gcd (iterative and recursive), lcm without overflow,
 * extended Euclid with negative coefficients, modular inverse, Euler's totient
 * by trial division, and coprime counting in a table.
 * Original program written for this corpus (standard number-theory algorithms). */
#include <stdio.h>

static unsigned int gcd_iter(unsigned int a, unsigned int b) {
    while (b != 0) {
        unsigned int t = a % b;
        a = b;
        b = t;
    }
    return a;
}

static long gcd_rec(long a, long b) {
    return b == 0 ? (a < 0 ? -a : a) : gcd_rec(b, a % b);
}

static unsigned long long lcm(unsigned long long a, unsigned long long b) {
    return a / gcd_iter((unsigned int)a, (unsigned int)b) * b;
}

/* Returns g and sets x, y such that a*x + b*y = g. */
static long ext_gcd(long a, long b, long *x, long *y) {
    if (b == 0) {
        *x = 1;
        *y = 0;
        return a;
    }
    long x1, y1;
    long g = ext_gcd(b, a % b, &x1, &y1);
    *x = y1;
    *y = x1 - (a / b) * y1;
    return g;
}

static long mod_inverse(long a, long m) {
    long x, y;
    if (ext_gcd(a, m, &x, &y) != 1)
        return -1;
    return ((x % m) + m) % m;
}

static int totient(int n) {
    int result = n;
    for (int p = 2; p * p <= n; p++) {
        if (n % p == 0) {
            while (n % p == 0)
                n /= p;
            result -= result / p;
        }
    }
    if (n > 1)
        result -= result / n;
    return result;
}

int main(void) {
    unsigned int pairs[5][2] = {{48, 18}, {17, 5}, {0, 9}, {1071, 462}, {4294967295u, 65535}};
    for (int i = 0; i < 5; i++)
        printf("gcd(%u,%u)=%u\n", pairs[i][0], pairs[i][1], gcd_iter(pairs[i][0], pairs[i][1]));
    printf("gcd_rec(-84,36)=%ld gcd_rec(84,-36)=%ld\n", gcd_rec(-84, 36), gcd_rec(84, -36));

    unsigned long long l = 1;
    for (unsigned long long k = 1; k <= 20; k++)
        l = lcm(l, k);
    printf("lcm(1..20)=%llu\n", l);

    long x, y;
    long g = ext_gcd(240, 46, &x, &y);
    printf("240*%ld + 46*%ld = %ld\n", x, y, g);
    printf("inv(3,11)=%ld inv(10,17)=%ld inv(6,9)=%ld\n", mod_inverse(3, 11), mod_inverse(10, 17),
           mod_inverse(6, 9));

    int tsum = 0;
    for (int n = 1; n <= 12; n++) {
        int t = totient(n);
        tsum += t;
        printf("%d ", t);
    }
    printf("\ntotient sum=%d\n", tsum);

    int coprime = 0;
    for (unsigned int a = 1; a <= 30; a++)
        for (unsigned int b = 1; b <= 30; b++)
            if (gcd_iter(a, b) == 1)
                coprime++;
    printf("coprime pairs=%d\n", coprime);
    return (int)g;
}
