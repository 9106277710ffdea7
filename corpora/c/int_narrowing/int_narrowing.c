/* Exercises: narrowing conversions (int to char/short/unsigned char, long long
 * to int, unsigned to signed) as done by gcc on x86-64 (modular), and
 * sign/zero extension when widening back. Original program written for this corpus. */
#include <stdio.h>

static signed char to_schar(int v) { return (signed char)v; }
static unsigned char to_uchar(int v) { return (unsigned char)v; }
static short to_short(int v) { return (short)v; }
static unsigned short to_ushort(int v) { return (unsigned short)v; }

int main(void) {
    int samples[8] = {0, 127, 128, 255, 256, -1, -129, 70000};
    for (int i = 0; i < 8; i++) {
        int v = samples[i];
        printf("%6d -> sc=%4d uc=%3d s=%6d us=%5d\n", v, to_schar(v), to_uchar(v),
               to_short(v), to_ushort(v));
    }

    long long wide = 4294967296LL + 5;   /* 2^32 + 5 */
    int low = (int)wide;
    long long neg = -4294967297LL;       /* -(2^32) - 1 */
    int lown = (int)neg;
    printf("low=%d lown=%d\n", low, lown);

    unsigned int u = 3000000000u;
    int s = (int)u;
    printf("u=%u as int=%d\n", u, s);

    long long back = s;                  /* sign extension */
    unsigned long long uback = u;        /* zero extension */
    printf("back=%lld uback=%llu\n", back, uback);

    short sh = -2;
    unsigned int us = (unsigned int)sh;  /* sign extend, then reinterpret */
    unsigned short ush = (unsigned short)sh;
    unsigned int us2 = ush;              /* zero extend */
    printf("us=%u ush=%u us2=%u\n", us, (unsigned)ush, us2);

    int acc = 0;
    for (int i = 0; i < 300; i += 37) {
        unsigned char b = (unsigned char)(i * 37);
        signed char c = (signed char)b;
        acc += c;
        printf("%d:%d:%d ", i, b, c);
    }
    printf("\nacc=%d\n", acc);

    double dv = 300.75;
    unsigned char fromd = (unsigned char)(int)dv;
    printf("fromd=%d\n", fromd);
    return 0;
}
