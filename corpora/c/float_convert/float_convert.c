/* Exercises: conversions between floating and integer types: truncation
 * toward zero for positive and negative values, int -> float precision loss,
 * double -> float rounding, unsigned and long long conversions, char from
 * double, and integer results of float comparisons.
 * Original program written for this corpus. */
#include <stdio.h>

int main(void) {
    double ds[8] = {0.0, 0.99, 1.0, 2.5, -0.99, -2.5, 123456.789, -2147483648.0};
    for (int i = 0; i < 8; i++) {
        double d = ds[i];
        int n = (int)d;
        long long ll = (long long)d;
        printf("%14.4f -> int %d, ll %lld\n", d, n, ll);
    }

    unsigned int u = (unsigned int)3999999999.9;
    unsigned char uc = (unsigned char)200.7;
    long long big = (long long)9.0e15;
    printf("u=%u uc=%d big=%lld\n", u, uc, big);

    int precise = 16777217;            /* 2^24 + 1 is not representable in float */
    float pf = (float)precise;
    double pd = (double)precise;
    printf("pf=%.1f pd=%.1f back=%d\n", pf, pd, (int)pf);

    long long l53 = 9007199254740993LL;  /* 2^53 + 1 */
    double dl = (double)l53;
    printf("dl=%.1f back=%lld\n", dl, (long long)dl);

    double third = 1.0 / 3.0;
    float ft = (float)third;
    double widened = ft;
    printf("third=%.17f ft=%.17f\n", third, widened);

    unsigned long long ull = 18446744073709551615ULL;
    double dull = (double)ull;
    printf("dull=%.1f\n", dull);
    unsigned long long from_d = (unsigned long long)1.8e19;
    printf("from_d=%llu\n", from_d);

    int ints[5] = {-7, -1, 0, 1, 7};
    for (int i = 0; i < 5; i++) {
        double half = ints[i] / 2.0;
        int trunc = (int)half;
        int idiv = ints[i] / 2;
        printf("%d/2: double %.1f trunc %d intdiv %d same=%d\n", ints[i], half, trunc, idiv,
               trunc == idiv);
    }

    char c = (char)(65.9);
    short s = (short)-32768.0;
    printf("c=%c s=%d\n", c, s);

    float accum = 0;
    for (int i = 1; i <= 10; i++)
        accum += (float)i / 4;
    int whole = (int)accum;
    printf("accum=%.2f whole=%d frac=%.2f\n", accum, whole, accum - whole);
    double pct = 0.0;
    int hits = 37, total = 120;
    pct = 100.0 * hits / total;
    printf("pct=%.3f rounded=%d\n", pct, (int)(pct + 0.5));
    return whole;
}
