/* Pascal's triangle: centred printing, row sums, large binomials with
 * unsigned long long, a Sierpinski pattern mod 2, and Catalan numbers. */
#include <stdio.h>

#define ROWS 34

static unsigned long long tri[ROWS][ROWS];

static void build(void)
{
    int n, k;
    for (n = 0; n < ROWS; n++) {
        tri[n][0] = tri[n][n] = 1;
        for (k = 1; k < n; k++)
            tri[n][k] = tri[n - 1][k - 1] + tri[n - 1][k];
    }
}

static unsigned long long binomial(unsigned n, unsigned k)
{
    unsigned long long r = 1;
    unsigned i;
    if (k > n - k)
        k = n - k;
    for (i = 1; i <= k; i++)
        r = r * (n - k + i) / i; /* exact at every step */
    return r;
}

int main(void)
{
    int n, k;
    build();

    for (n = 0; n < 10; n++) {
        printf("%*s", (9 - n) * 2, "");
        for (k = 0; k <= n; k++)
            printf("%4llu", tri[n][k]);
        putchar('\n');
    }

    for (n = 0; n < ROWS; n += 11) {
        unsigned long long sum = 0;
        for (k = 0; k <= n; k++)
            sum += tri[n][k];
        printf("row %2d sum = %llu (2^%d = %llu)\n", n, sum, n, 1ULL << n);
    }
    printf("C(33,16) = %llu, C(60,30) = %llu, C(66,33) = %llu\n", tri[33][16],
           binomial(60, 30), binomial(66, 33));

    for (n = 0; n < 16; n++) {
        for (k = 0; k < 16 - n; k++)
            putchar(' ');
        for (k = 0; k <= n; k++) {
            putchar(tri[n][k] % 2 ? '*' : ' ');
            putchar(' ');
        }
        putchar('\n');
    }

    printf("Catalan:");
    for (n = 0; n <= 16; n++)
        printf(" %llu", tri[2 * n][n] / (unsigned long long)(n + 1));
    printf("\n");
    return 0;
}
