/* Exercises: left and right shifts on unsigned and signed values, arithmetic
 * right shift of negatives (gcc semantics), shifts of promoted unsigned char,
 * 64-bit shifts and rotate helpers. Original program written for this corpus. */
#include <stdio.h>

static unsigned int rotl32(unsigned int x, int k) {
    k &= 31;
    if (k == 0)
        return x;
    return (x << k) | (x >> (32 - k));
}

static unsigned long long rotr64(unsigned long long x, int k) {
    k &= 63;
    if (k == 0)
        return x;
    return (x >> k) | (x << (64 - k));
}

int main(void) {
    unsigned int u = 0x80000001u;
    for (int k = 0; k < 32; k += 7)
        printf("u<<%d=%08x u>>%d=%08x\n", k, u << k, k, u >> k);

    int neg = -100;
    printf("-100>>1=%d -100>>3=%d -1>>31=%d\n", neg >> 1, neg >> 3, -1 >> 31);
    int pos = 1000;
    printf("1000>>2=%d 1000<<4=%d\n", pos >> 2, pos << 4);

    unsigned char b = 0xF0;
    int promoted = b << 4;          /* int, not truncated: 0xF00 */
    unsigned char trunc = (unsigned char)(b << 4);
    printf("promoted=%x trunc=%x\n", promoted, trunc);
    unsigned char nb = ~b;          /* ~ on int 0xF0 = 0xFFFFFF0F, narrowed to 0x0F */
    printf("nb=%x ~b as int=%d\n", nb, ~b);

    unsigned long long one = 1;
    printf("1<<63=%llu 1<<40=%llx\n", one << 63, one << 40);
    long long sneg = -1099511627776LL;  /* -2^40 */
    printf("sneg>>20=%lld\n", sneg >> 20);

    printf("rotl=%08x %08x %08x\n", rotl32(0x12345678u, 0), rotl32(0x12345678u, 8),
           rotl32(0x80000000u, 1));
    printf("rotr=%016llx\n", rotr64(0x0123456789ABCDEFull, 12));

    unsigned int mask = 0;
    for (int i = 0; i < 32; i += 3)
        mask |= 1u << i;
    printf("mask=%08x\n", mask);

    int count = 0;
    for (unsigned int v = 0xDEADBEEFu; v != 0; v >>= 1)
        count++;
    printf("bit length=%d\n", count);

    short s = -8;
    int sr = s >> 1;
    unsigned short us = 0x8000;
    int usr = us >> 15;
    printf("sr=%d usr=%d\n", sr, usr);
    return 0;
}
