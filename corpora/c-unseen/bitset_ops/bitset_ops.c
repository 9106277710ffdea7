#include <stdio.h>
#include <stdint.h>

#define BITS 100
#define WORDS ((BITS + 31) / 32)

typedef struct {
    uint32_t w[WORDS];
} bitset;

static void bs_clear(bitset *s)
{
    int i;
    for (i = 0; i < WORDS; i++)
        s->w[i] = 0;
}

static void bs_set(bitset *s, int b) { s->w[b / 32] |= (uint32_t)1 << (b % 32); }
static void bs_reset(bitset *s, int b) { s->w[b / 32] &= ~((uint32_t)1 << (b % 32)); }
static int bs_test(const bitset *s, int b) { return (int)((s->w[b / 32] >> (b % 32)) & 1u); }

static int popcount32(uint32_t x)
{
    int c = 0;
    while (x) {
        x &= x - 1;
        c++;
    }
    return c;
}

static int bs_count(const bitset *s)
{
    int i, c = 0;
    for (i = 0; i < WORDS; i++)
        c += popcount32(s->w[i]);
    return c;
}

static bitset bs_and(const bitset *a, const bitset *b)
{
    bitset r;
    int i;
    for (i = 0; i < WORDS; i++)
        r.w[i] = a->w[i] & b->w[i];
    return r;
}

static bitset bs_or(const bitset *a, const bitset *b)
{
    bitset r;
    int i;
    for (i = 0; i < WORDS; i++)
        r.w[i] = a->w[i] | b->w[i];
    return r;
}

static bitset bs_xor(const bitset *a, const bitset *b)
{
    bitset r;
    int i;
    for (i = 0; i < WORDS; i++)
        r.w[i] = a->w[i] ^ b->w[i];
    return r;
}

static void bs_print(const char *name, const bitset *s)
{
    int b, shown = 0;
    printf("%-8s (%2d):", name, bs_count(s));
    for (b = 0; b < BITS; b++) {
        if (bs_test(s, b)) {
            if (shown < 14)
                printf(" %d", b);
            shown++;
        }
    }
    if (shown > 14)
        printf(" ...");
    putchar('\n');
}

int main(void)
{
    bitset primes, odds, squares, tmp;
    int i, j;

    /* sieve directly in a bitset: bit set = composite */
    bs_clear(&tmp);
    bs_set(&tmp, 0);
    bs_set(&tmp, 1);
    for (i = 2; i * i < BITS; i++)
        if (!bs_test(&tmp, i))
            for (j = i * i; j < BITS; j += i)
                bs_set(&tmp, j);
    bs_clear(&primes);
    for (i = 0; i < BITS; i++)
        if (!bs_test(&tmp, i))
            bs_set(&primes, i);

    bs_clear(&odds);
    bs_clear(&squares);
    for (i = 1; i < BITS; i += 2)
        bs_set(&odds, i);
    for (i = 0; i * i < BITS; i++)
        bs_set(&squares, i * i);

    bs_print("primes", &primes);
    bs_print("odds", &odds);
    bs_print("squares", &squares);
    tmp = bs_and(&primes, &odds);
    bs_print("p&odd", &tmp);
    tmp = bs_or(&primes, &squares);
    bs_print("p|sq", &tmp);
    tmp = bs_xor(&odds, &squares);
    bs_print("odd^sq", &tmp);
    bs_reset(&tmp, 1);
    bs_reset(&tmp, 3);
    bs_print("minus13", &tmp);

    for (i = 0; i < WORDS; i++)
        printf("primes.w[%d] = 0x%08X\n", i, (unsigned)primes.w[i]);
    return 0;
}
