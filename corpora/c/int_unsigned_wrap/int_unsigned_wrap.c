/* Exercises: unsigned wrap-around on add, subtract, multiply and negate for
 * unsigned char, unsigned short, unsigned int and unsigned long long, and
 * loops whose counters wrap. Original program written for this corpus. */
#include <stdio.h>
#include <limits.h>

static unsigned int mix(unsigned int h, unsigned int v) {
    h ^= v;
    h *= 16777619u;          /* FNV prime: wraps modulo 2^32 */
    return h;
}

int main(void) {
    unsigned int a = UINT_MAX;
    unsigned int b = a + 1u;
    unsigned int c = 0u - 1u;
    unsigned int d = 3u - 5u;
    unsigned int e = 0x80000000u * 2u;
    unsigned int f = -7u;
    printf("a=%u b=%u c=%u d=%u e=%u f=%u\n", a, b, c, d, e, f);

    unsigned char uc = 250;
    uc += 10;                 /* converted back to unsigned char: 4 */
    unsigned short us = 65530;
    us += 10;                 /* 4 */
    printf("uc=%u us=%u\n", (unsigned)uc, (unsigned)us);

    unsigned char down = 3;
    int steps = 0;
    while (down != 250) {     /* 3,2,1,0,255,...,250 */
        down--;
        steps++;
    }
    printf("steps=%d down=%u\n", steps, (unsigned)down);

    unsigned long long big = 0xFFFFFFFFFFFFFFFFull;
    unsigned long long big2 = big * big;      /* 1 modulo 2^64 */
    unsigned long long big3 = big + 2ull;     /* 1 */
    printf("big2=%llu big3=%llu\n", big2, big3);

    unsigned long long p = 1;
    for (int i = 0; i < 70; i++)
        p *= 3u;
    printf("3^70 mod 2^64 = %llu\n", p);

    unsigned int h = 2166136261u;
    for (unsigned int i = 0; i < 20; i++)
        h = mix(h, i * 2654435761u);
    printf("hash=%u hex=%08x\n", h, h);

    unsigned int x = 12345u;
    unsigned int negx = -x;
    printf("x+negx=%u\n", x + negx);

    /* A wrapping counter counts exactly 256 steps to return to its start. */
    unsigned char ring = 17;
    int laps = 0;
    do {
        ring = (unsigned char)(ring + 1);
        laps++;
    } while (ring != 17);
    printf("laps=%d\n", laps);
    return 0;
}
