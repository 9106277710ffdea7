/* Exercises: the limits.h constants (CHAR_BIT, SCHAR_MIN/MAX, UCHAR_MAX,
 * SHRT_*, INT_MIN/INT_MAX, UINT_MAX, LONG_*, ULONG_MAX, LLONG_*, ULLONG_MAX)
 * printed with matching formats, and arithmetic right at the limits without
 * overflow. Original program written for this corpus. */
#include <stdio.h>
#include <limits.h>

static int safe_add(int a, int b, int *out) {
    if ((b > 0 && a > INT_MAX - b) || (b < 0 && a < INT_MIN - b))
        return 0;
    *out = a + b;
    return 1;
}

int main(void) {
    printf("CHAR_BIT=%d\n", CHAR_BIT);
    printf("SCHAR_MIN=%d SCHAR_MAX=%d UCHAR_MAX=%d\n", SCHAR_MIN, SCHAR_MAX, UCHAR_MAX);
    printf("CHAR_MIN=%d CHAR_MAX=%d\n", CHAR_MIN, CHAR_MAX);
    printf("SHRT_MIN=%d SHRT_MAX=%d USHRT_MAX=%d\n", SHRT_MIN, SHRT_MAX, USHRT_MAX);
    printf("INT_MIN=%d INT_MAX=%d\n", INT_MIN, INT_MAX);
    printf("UINT_MAX=%u hex=%x\n", UINT_MAX, UINT_MAX);
    printf("LONG_MIN=%ld LONG_MAX=%ld\n", LONG_MIN, LONG_MAX);
    printf("ULONG_MAX=%lu\n", ULONG_MAX);
    printf("LLONG_MIN=%lld LLONG_MAX=%lld\n", LLONG_MIN, LLONG_MAX);
    printf("ULLONG_MAX=%llu\n", ULLONG_MAX);

    int r = 0;
    int tests[4][2] = {{INT_MAX, 1}, {INT_MAX, -1}, {INT_MIN, -1}, {INT_MIN, INT_MAX}};
    for (int i = 0; i < 4; i++) {
        if (safe_add(tests[i][0], tests[i][1], &r))
            printf("add(%d, %d) = %d\n", tests[i][0], tests[i][1], r);
        else
            printf("add(%d, %d) overflows\n", tests[i][0], tests[i][1]);
    }

    unsigned int umin = (unsigned int)INT_MIN;
    printf("(unsigned)INT_MIN=%u\n", umin);
    long long wide = (long long)INT_MIN - 1;
    printf("INT_MIN-1 as long long=%lld\n", wide);
    long long negmin = -(long long)INT_MIN;
    printf("-(long long)INT_MIN=%lld\n", negmin);
    printf("INT_MAX+1u=%u\n", INT_MAX + 1u);
    printf("UINT_MAX/3=%u UINT_MAX%%10=%u\n", UINT_MAX / 3, UINT_MAX % 10);
    printf("LLONG_MIN/2=%lld\n", LLONG_MIN / 2);
    unsigned long long ull = ULLONG_MAX;
    ull++;
    printf("ULLONG_MAX+1=%llu\n", ull);
    int min = INT_MIN;
    int abs_min_plus = -(min + 1);
    printf("-(INT_MIN+1)=%d\n", abs_min_plus);
    return 0;
}
