/* Exercises: arbitrary-precision arithmetic on int digit arrays: factorial
 * of 50, powers of 2 up to 2^200, big addition for Fibonacci(300), digit
 * sums, and printing big numbers with putchar from the most significant digit.
 * Original program written for this corpus. */
#include <stdio.h>

#define MAXD 700

static int fact[MAXD];
static int nfact;

static void big_mul_small(int d[], int *n, int m) {
    int carry = 0;
    for (int i = 0; i < *n; i++) {
        int v = d[i] * m + carry;
        d[i] = v % 10;
        carry = v / 10;
    }
    while (carry > 0) {
        d[(*n)++] = carry % 10;
        carry /= 10;
    }
}

static void big_print(const int d[], int n) {
    for (int i = n - 1; i >= 0; i--)
        putchar('0' + d[i]);
    putchar('\n');
}

static int big_digit_sum(const int d[], int n) {
    int s = 0;
    for (int i = 0; i < n; i++)
        s += d[i];
    return s;
}

/* c = a + b; returns length of c. */
static int big_add(const int a[], int na, const int b[], int nb, int c[]) {
    int n = na > nb ? na : nb, carry = 0;
    for (int i = 0; i < n; i++) {
        int v = carry + (i < na ? a[i] : 0) + (i < nb ? b[i] : 0);
        c[i] = v % 10;
        carry = v / 10;
    }
    if (carry)
        c[n++] = carry;
    return n;
}

int main(void) {
    fact[0] = 1;
    nfact = 1;
    for (int k = 2; k <= 50; k++)
        big_mul_small(fact, &nfact, k);
    printf("50! has %d digits, digit sum %d\n", nfact, big_digit_sum(fact, nfact));
    big_print(fact, nfact);

    int p[MAXD];
    int np = 1;
    p[0] = 1;
    for (int e = 1; e <= 200; e++) {
        big_mul_small(p, &np, 2);
        if (e % 50 == 0) {
            printf("2^%d = ", e);
            big_print(p, np);
        }
    }

    int fa[MAXD], fb[MAXD], fc[MAXD];
    int na = 1, nb = 1, nc = 0;
    fa[0] = 0;
    fb[0] = 1;
    for (int i = 2; i <= 300; i++) {
        nc = big_add(fa, na, fb, nb, fc);
        for (int k = 0; k < nb; k++)
            fa[k] = fb[k];
        na = nb;
        for (int k = 0; k < nc; k++)
            fb[k] = fc[k];
        nb = nc;
    }
    printf("fib(300) = ");
    big_print(fb, nb);
    printf("digits=%d sum=%d\n", nb, big_digit_sum(fb, nb));
    return big_digit_sum(fact, nfact) % 256;
}
