/* Exercises: bit manipulation: popcount (Kernighan loop and SWAR), parity,
 * bit reversal of 32-bit words, count leading/trailing zeros by loops,
 * isolate lowest set bit, power-of-two tests, and a Gray code round trip.
 * Original program written for this corpus (the SWAR popcount and Gray code are classic tricks). */
#include <stdio.h>

static int pop_loop(unsigned int x) {
    int c = 0;
    while (x) {
        x &= x - 1;
        c++;
    }
    return c;
}

static int pop_swar(unsigned int x) {
    x = x - ((x >> 1) & 0x55555555u);
    x = (x & 0x33333333u) + ((x >> 2) & 0x33333333u);
    x = (x + (x >> 4)) & 0x0F0F0F0Fu;
    return (int)((x * 0x01010101u) >> 24);
}

static unsigned int reverse_bits(unsigned int x) {
    unsigned int r = 0;
    for (int i = 0; i < 32; i++) {
        r = (r << 1) | (x & 1u);
        x >>= 1;
    }
    return r;
}

static int clz(unsigned int x) {
    if (x == 0)
        return 32;
    int n = 0;
    while (!(x & 0x80000000u)) {
        x <<= 1;
        n++;
    }
    return n;
}

static int ctz(unsigned int x) {
    if (x == 0)
        return 32;
    int n = 0;
    while (!(x & 1u)) {
        x >>= 1;
        n++;
    }
    return n;
}

static unsigned int gray(unsigned int x) { return x ^ (x >> 1); }

static unsigned int ungray(unsigned int g) {
    unsigned int x = g;
    for (unsigned int s = 1; s < 32; s <<= 1)
        x ^= x >> s;
    return x;
}

int main(void) {
    unsigned int samples[6] = {0u, 1u, 0xFFu, 0x80000000u, 0xDEADBEEFu, 0xFFFFFFFFu};
    int mismatch = 0;
    for (int i = 0; i < 6; i++) {
        unsigned int v = samples[i];
        int p = pop_loop(v);
        if (p != pop_swar(v))
            mismatch++;
        printf("%08x pop=%2d parity=%d rev=%08x clz=%2d ctz=%2d low=%08x pow2=%d\n", v, p, p & 1,
               reverse_bits(v), clz(v), ctz(v), v & (~v + 1u), v != 0 && (v & (v - 1)) == 0);
    }
    int gray_ok = 1;
    for (unsigned int i = 0; i < 16; i++) {
        printf("%u", gray(i) & 1u);
        if (ungray(gray(i)) != i || pop_loop(gray(i) ^ gray(i + 1)) != 1)
            gray_ok = 0;
    }
    printf("\ngray_ok=%d mismatch=%d\n", gray_ok, mismatch);

    unsigned int flags = 0;
    flags |= 1u << 3;
    flags |= 1u << 7;
    flags &= ~(1u << 3);
    flags ^= 0xF0u;
    printf("flags=%#x bit7=%u\n", flags, (flags >> 7) & 1u);

    unsigned long long wide = 0x0123456789ABCDEFull;
    int pop64 = pop_loop((unsigned int)wide) + pop_loop((unsigned int)(wide >> 32));
    printf("pop64=%d\n", pop64);
    return mismatch;
}
