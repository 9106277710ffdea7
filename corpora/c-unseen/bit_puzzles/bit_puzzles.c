/* Classic bit-twiddling puzzles on 32-bit unsigned values: population
 * count, parity, bit reversal, rotations, Gray code, powers of two. */
#include <stdio.h>
#include <stdint.h>

static int popcount(uint32_t x)
{
    int n = 0;
    while (x) {
        x &= x - 1;
        n++;
    }
    return n;
}

static uint32_t reverse_bits(uint32_t x)
{
    x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
    x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
    x = ((x >> 4) & 0x0F0F0F0Fu) | ((x & 0x0F0F0F0Fu) << 4);
    x = ((x >> 8) & 0x00FF00FFu) | ((x & 0x00FF00FFu) << 8);
    return (x >> 16) | (x << 16);
}

static uint32_t rotl(uint32_t x, unsigned r)
{
    r &= 31;
    return r == 0 ? x : (x << r) | (x >> (32 - r));
}

static uint32_t next_pow2(uint32_t x)
{
    if (x == 0)
        return 1;
    x--;
    x |= x >> 1;
    x |= x >> 2;
    x |= x >> 4;
    x |= x >> 8;
    x |= x >> 16;
    return x + 1;
}

static int trailing_zeros(uint32_t x)
{
    int n = 0;
    if (x == 0)
        return 32;
    while ((x & 1u) == 0) {
        x >>= 1;
        n++;
    }
    return n;
}

static void print_binary(uint8_t b)
{
    int i;
    for (i = 7; i >= 0; i--)
        putchar((b >> i) & 1 ? '1' : '0');
}

int main(void)
{
    const uint32_t samples[] = { 0u, 1u, 0x80000000u, 0xDEADBEEFu, 12345u, 0xFFFFFFFFu, 96u };
    size_t i;
    unsigned g;
    int32_t neg = -1000;
    uint32_t acc = 0x12345678u;

    printf("%-10s %3s %3s %-10s %-10s %-10s %3s\n", "value", "pop", "par", "reversed",
           "rotl7", "nextpow2", "tz");
    for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        uint32_t x = samples[i];
        printf("0x%08x %3d %3d 0x%08x 0x%08x 0x%08x %3d\n", x, popcount(x), popcount(x) & 1,
               reverse_bits(x), rotl(x, 7), next_pow2(x), trailing_zeros(x));
    }

    printf("gray codes:\n");
    for (g = 0; g < 8; g++) {
        uint8_t gray = (uint8_t)(g ^ (g >> 1));
        uint8_t back = gray;
        uint8_t shift;
        for (shift = gray >> 1; shift != 0; shift >>= 1)
            back ^= shift;
        printf("  %u -> ", g);
        print_binary(gray);
        printf(" -> %u\n", back);
    }

    printf("lowest set bit of 96: %u\n", 96u & (0u - 96u));
    printf("is power of two: 64=%d 96=%d\n", (64 & 63) == 0, (96 & 95) == 0);
    printf("arithmetic shift: %d >> 3 = %d, %d / 8 = %d\n", neg, neg >> 3, neg, neg / 8);
    printf("unsigned view: %u, high byte %02X\n", (uint32_t)neg, ((uint32_t)neg >> 24) & 0xFFu);
    for (i = 0; i < 5; i++) {
        acc ^= acc << 13;
        acc ^= acc >> 17;
        acc ^= acc << 5;
        printf("xorshift[%zu] = %10u (%08X)\n", i, acc, acc);
    }
    printf("swap nibbles 0xAB -> 0x%02X\n", (unsigned)(uint8_t)((0xABu << 4) | (0xABu >> 4)));
    return 0;
}
