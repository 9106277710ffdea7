/* bignum_fib: arbitrary-precision decimal numbers in malloc'd digit arrays: Fibonacci numbers, factorials, powers of two and an identity check. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct big {
    unsigned char *d; /* least significant digit first */
    size_t n;
};

static int oom;

static struct big big_new(size_t cap, unsigned long v)
{
    struct big b;
    b.d = calloc(cap > 20 ? cap : 20, 1);
    b.n = 0;
    if (b.d == NULL) {
        oom = 1;
        return b;
    }
    do {
        b.d[b.n++] = (unsigned char)(v % 10);
        v /= 10;
    } while (v != 0);
    return b;
}

static struct big big_add(const struct big *a, const struct big *b)
{
    size_t n = a->n > b->n ? a->n : b->n, i;
    struct big r = big_new(n + 1, 0);
    unsigned carry = 0;
    if (r.d == NULL)
        return r;
    for (i = 0; i < n; i++) {
        unsigned s = carry + (i < a->n ? a->d[i] : 0u) + (i < b->n ? b->d[i] : 0u);
        r.d[i] = (unsigned char)(s % 10);
        carry = s / 10;
    }
    r.n = n;
    if (carry)
        r.d[r.n++] = (unsigned char)carry;
    return r;
}

static struct big big_mul(const struct big *a, const struct big *b)
{
    struct big r = big_new(a->n + b->n, 0);
    size_t i, j;
    if (r.d == NULL)
        return r;
    for (i = 0; i < a->n; i++) {
        unsigned carry = 0;
        for (j = 0; j < b->n || carry; j++) {
            unsigned cur = r.d[i + j] + carry + (j < b->n ? (unsigned)a->d[i] * b->d[j] : 0u);
            r.d[i + j] = (unsigned char)(cur % 10);
            carry = cur / 10;
        }
    }
    r.n = a->n + b->n;
    while (r.n > 1 && r.d[r.n - 1] == 0)
        r.n--;
    return r;
}

static void big_print(const char *label, const struct big *b)
{
    const unsigned char *p = b->d + b->n;
    unsigned sum = 0;
    printf("%-8s = ", label);
    while (p > b->d) {
        --p;
        putchar('0' + *p);
        sum += *p;
    }
    printf("  (%zu digits, digit sum %u)\n", b->n, sum);
}

static int big_equal(const struct big *a, const struct big *b)
{
    return a->n == b->n && memcmp(a->d, b->d, a->n) == 0;
}

int main(void)
{
    struct big f[151];
    struct big acc, next, sq1, sq2, sum;
    char label[16];
    int i;

    f[0] = big_new(1, 0);
    f[1] = big_new(1, 1);
    for (i = 2; i <= 150; i++)
        f[i] = big_add(&f[i - 1], &f[i - 2]);
    if (oom)
        return 2;
    for (i = 10; i <= 150; i += 35) {
        snprintf(label, sizeof label, "F(%d)", i);
        big_print(label, &f[i]);
    }
    sq1 = big_mul(&f[60], &f[60]);
    sq2 = big_mul(&f[61], &f[61]);
    sum = big_add(&sq1, &sq2);
    if (oom)
        return 2;
    printf("F(60)^2 + F(61)^2 == F(121): %s\n", big_equal(&sum, &f[121]) ? "yes" : "no");
    free(sq1.d);
    free(sq2.d);
    free(sum.d);
    for (i = 0; i <= 150; i++)
        free(f[i].d);

    acc = big_new(1, 1);
    for (i = 2; i <= 30; i++) {
        struct big k = big_new(1, (unsigned long)i);
        next = big_mul(&acc, &k);
        free(k.d);
        free(acc.d);
        acc = next;
        if (oom)
            return 2;
        if (i % 10 == 0) {
            snprintf(label, sizeof label, "%d!", i);
            big_print(label, &acc);
        }
    }
    free(acc.d);
    acc = big_new(1, 1);
    for (i = 1; i <= 128; i++) {
        next = big_add(&acc, &acc);
        free(acc.d);
        acc = next;
        if (oom)
            return 2;
    }
    big_print("2^128", &acc);
    free(acc.d);
    return 0;
}
