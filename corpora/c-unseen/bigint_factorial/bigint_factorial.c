/* Arbitrary-precision decimal arithmetic on fixed unsigned char digit
 * arrays (least significant digit first): factorials, powers of two,
 * Fibonacci numbers and digit sums. */
#include <stdio.h>

#define MAXD 200

typedef struct {
    unsigned char d[MAXD];
    int len;
} Big;

static void big_set(Big *b, unsigned v)
{
    b->len = 0;
    do {
        b->d[b->len++] = (unsigned char)(v % 10);
        v /= 10;
    } while (v > 0);
}

static void big_mul_small(Big *b, unsigned m)
{
    unsigned carry = 0;
    int i;
    for (i = 0; i < b->len; i++) {
        unsigned cur = b->d[i] * m + carry;
        b->d[i] = (unsigned char)(cur % 10);
        carry = cur / 10;
    }
    while (carry > 0 && b->len < MAXD) {
        b->d[b->len++] = (unsigned char)(carry % 10);
        carry /= 10;
    }
}

static Big big_add(const Big *a, const Big *b)
{
    Big r;
    int i, carry = 0, n = a->len > b->len ? a->len : b->len;
    for (i = 0; i < n; i++) {
        int s = carry + (i < a->len ? a->d[i] : 0) + (i < b->len ? b->d[i] : 0);
        r.d[i] = (unsigned char)(s % 10);
        carry = s / 10;
    }
    r.len = n;
    if (carry)
        r.d[r.len++] = (unsigned char)carry;
    return r;
}

static void big_print(const char *label, const Big *b)
{
    int i, sum = 0;
    printf("%s = ", label);
    for (i = b->len - 1; i >= 0; i--) {
        putchar('0' + b->d[i]);
        sum += b->d[i];
    }
    printf(" (%d digits, digit sum %d)\n", b->len, sum);
}

static int trailing_zeros(const Big *b)
{
    int i = 0;
    while (i < b->len && b->d[i] == 0)
        i++;
    return i;
}

int main(void)
{
    Big f, p, a, c;
    unsigned n;
    char label[16];

    big_set(&f, 1);
    for (n = 2; n <= 60; n++) {
        big_mul_small(&f, n);
        if (n == 25 || n == 40 || n == 60) {
            snprintf(label, sizeof label, "%u!", n);
            big_print(label, &f);
            printf("  trailing zeros: %d\n", trailing_zeros(&f));
        }
    }

    big_set(&p, 1);
    for (n = 1; n <= 128; n++) {
        big_mul_small(&p, 2);
        if (n % 32 == 0) {
            snprintf(label, sizeof label, "2^%u", n);
            big_print(label, &p);
        }
    }

    big_set(&a, 0);
    big_set(&c, 1);
    for (n = 1; n <= 200; n++) {
        Big next = big_add(&a, &c);
        a = c;
        c = next;
        if (n % 50 == 0) {
            snprintf(label, sizeof label, "F(%u)", n + 1);
            big_print(label, &c);
        }
    }
    return 0;
}
