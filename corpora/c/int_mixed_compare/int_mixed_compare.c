/* Exercises: comparisons that mix signed and unsigned operands (the usual
 * arithmetic conversions), comparisons of promoted small types, and
 * long vs unsigned int. Original program written for this corpus. */
#include <stdio.h>

static int less_mixed(int a, unsigned int b) { return a < b; }
static int less_long(long a, unsigned int b) { return a < b; }
static int less_short(short a, unsigned short b) { return a < b; }

int main(void) {
    int minus_one = -1;
    unsigned int one = 1;
    printf("-1 < 1u : %d\n", minus_one < one);           /* 0: -1 becomes UINT_MAX */
    printf("-1 < 1  : %d\n", minus_one < (int)one);      /* 1 */
    printf("-1L < 1u: %d\n", less_long(-1L, 1u));        /* 1: long holds all unsigned */
    printf("short -1 < ushort 1: %d\n", less_short(-1, 1)); /* 1: both promote to int */

    int count = 0;
    int vals[6] = {-5, -1, 0, 1, 5, 2000000000};
    unsigned int limits[3] = {0u, 4u, 3000000000u};
    for (int i = 0; i < 6; i++) {
        for (int j = 0; j < 3; j++) {
            int r = less_mixed(vals[i], limits[j]);
            count += r;
            printf("%d", r);
        }
        printf(" ");
    }
    printf("\ncount=%d\n", count);

    unsigned int big = 4000000000u;
    int neg = -294967296;
    printf("big == (unsigned)neg: %d\n", big == (unsigned int)neg);
    printf("big == neg: %d\n", big == neg);

    unsigned char uc = 200;
    signed char sc = -56;
    printf("uc==sc: %d (unsigned char)sc==uc: %d\n", uc == sc, (unsigned char)sc == uc);

    long long ll = -1;
    unsigned long long ull = 0;
    printf("ll < ull: %d\n", ll < ull);                   /* 0 */
    printf("ll < (long long)ull: %d\n", ll < (long long)ull); /* 1 */

    unsigned int x = 5;
    int y = -3;
    unsigned int sum = x + y;                             /* 2 */
    long diff = (long)x - 10;                             /* -5 */
    printf("sum=%u diff=%ld\n", sum, diff);
    int r = (x > y) ? 1 : 2;                              /* y converts: 5 > huge is false */
    printf("r=%d\n", r);
    return count == 6 ? 0 : 1;
}
