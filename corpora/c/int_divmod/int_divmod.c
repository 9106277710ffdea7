/* Exercises: signed division and remainder with negative operands (C99
 * truncation toward zero), unsigned division, the identity (a/b)*b + a%b == a,
 * and floor division/modulo built on top. Original program written for this corpus. */
#include <stdio.h>
#include <limits.h>

static int floor_div(int a, int b) {
    int q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        q--;
    return q;
}

static int floor_mod(int a, int b) {
    int m = a % b;
    if (m != 0 && ((m < 0) != (b < 0)))
        m += b;
    return m;
}

int main(void) {
    int as[5] = {7, -7, 13, -13, 0};
    int bs[4] = {2, -2, 5, -5};
    int bad = 0;
    for (int i = 0; i < 5; i++) {
        for (int j = 0; j < 4; j++) {
            int a = as[i], b = bs[j];
            int q = a / b, r = a % b;
            if (q * b + r != a)
                bad++;
            printf("%3d/%3d=%3d r%3d | floor %3d m%3d\n", a, b, q, r,
                   floor_div(a, b), floor_mod(a, b));
        }
    }
    printf("identity violations: %d\n", bad);

    printf("INT_MIN/1=%d INT_MIN%%7=%d INT_MIN/-7=%d\n", INT_MIN / 1, INT_MIN % 7, INT_MIN / -7);
    printf("INT_MAX/-1=%d\n", INT_MAX / -1);

    unsigned int u = 4000000000u;
    printf("u/7=%u u%%7=%u\n", u / 7u, u % 7u);
    long long big = -9000000000LL;
    printf("big/4096=%lld big%%4096=%lld\n", big / 4096, big % 4096);

    int x = -17;
    x /= 4;
    int y = -17;
    y %= 4;
    printf("x=%d y=%d\n", x, y);

    /* Digit sum of a negative number using % (each digit comes out negative). */
    int n = -98765, ds = 0;
    while (n != 0) {
        ds += n % 10;
        n /= 10;
    }
    printf("digit sum=%d\n", ds);
    return bad;
}
