#include <stdio.h>
#include <stdlib.h>

typedef struct {
    long num;
    long den;
} rational;

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

static rational make(long n, long d)
{
    rational r;
    long g;
    if (d < 0) {
        n = -n;
        d = -d;
    }
    g = gcd(n, d);
    if (g == 0)
        g = 1;
    r.num = n / g;
    r.den = d / g;
    return r;
}

static rational add(rational a, rational b) { return make(a.num * b.den + b.num * a.den, a.den * b.den); }
static rational sub(rational a, rational b) { return make(a.num * b.den - b.num * a.den, a.den * b.den); }
static rational mul(rational a, rational b) { return make(a.num * b.num, a.den * b.den); }
static rational divide(rational a, rational b) { return make(a.num * b.den, a.den * b.num); }

static int compare(rational a, rational b)
{
    long l = a.num * b.den, r = b.num * a.den;
    return (l > r) - (l < r);
}

static void print_r(rational r)
{
    if (r.den == 1)
        printf("%ld", r.num);
    else
        printf("%ld/%ld", r.num, r.den);
}

static void show(const char *label, rational r)
{
    printf("%-14s = ", label);
    print_r(r);
    printf("  (%.6f)\n", (double)r.num / (double)r.den);
}

int main(void)
{
    rational a = make(1, 2), b = make(-3, 4), c = make(10, -4);
    rational sum = make(0, 1);
    rational x;
    int i;
    typedef rational (*binop)(rational, rational);
    binop ops[4] = { add, sub, mul, divide };
    const char symbols[4] = { '+', '-', '*', '/' };

    show("a", a);
    show("b", b);
    show("c", c);
    for (i = 0; i < 4; i++) {
        rational r = ops[i](a, b);
        print_r(a);
        printf(" %c ", symbols[i]);
        print_r(b);
        printf(" = ");
        print_r(r);
        putchar('\n');
    }
    printf("cmp(a,b)=%d cmp(b,c)=%d cmp(a,a)=%d\n", compare(a, b), compare(b, c), compare(a, a));

    /* harmonic numbers H_1..H_10 */
    for (i = 1; i <= 10; i++) {
        sum = add(sum, make(1, i));
        printf("H(%2d) = ", i);
        print_r(sum);
        putchar('\n');
    }

    /* continued fraction convergents of sqrt(2): x = 1 + 1/(1 + x) */
    x = make(1, 1);
    for (i = 0; i < 8; i++) {
        x = add(make(1, 1), divide(make(1, 1), add(make(1, 1), x)));
        printf("sqrt2 ~ ");
        print_r(x);
        printf(" err=%.2e\n", (double)x.num / (double)x.den - 1.4142135623730951);
    }

    /* telescoping: sum 1/(k(k+1)) = n/(n+1) */
    sum = make(0, 1);
    for (i = 1; i <= 12; i++)
        sum = add(sum, make(1, (long)i * (i + 1)));
    show("telescope(12)", sum);
    return 0;
}
