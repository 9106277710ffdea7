/* Exercises: arbitrary-precision unsigned integers stored as heap arrays of base-10000 limbs
 * that grow with realloc: multiply by a small number, add two numbers into a third, copy and
 * swap ownership of buffers, digit sums, and printing the limbs from the most significant.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BASE 10000u

struct big {
    unsigned *limb; /* least significant first */
    size_t n;
};

static int big_set(struct big *b, unsigned v) {
    unsigned *l = realloc(b->limb, 3 * sizeof *l);
    if (!l)
        return 0;
    b->limb = l;
    b->n = 0;
    do {
        l[b->n++] = v % BASE;
        v /= BASE;
    } while (v);
    return 1;
}

static int big_mul_small(struct big *b, unsigned m) {
    unsigned carry = 0;
    for (unsigned *p = b->limb; p < b->limb + b->n; p++) {
        unsigned long t = (unsigned long)*p * m + carry;
        *p = (unsigned)(t % BASE);
        carry = (unsigned)(t / BASE);
    }
    while (carry) {
        unsigned *l = realloc(b->limb, (b->n + 1) * sizeof *l);
        if (!l)
            return 0;
        b->limb = l;
        b->limb[b->n++] = carry % BASE;
        carry /= BASE;
    }
    return 1;
}

static int big_add(struct big *out, const struct big *a, const struct big *b) {
    size_t n = (a->n > b->n ? a->n : b->n) + 1;
    unsigned *r = malloc(n * sizeof *r);
    if (!r)
        return 0;
    unsigned carry = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned s = carry + (i < a->n ? a->limb[i] : 0) + (i < b->n ? b->limb[i] : 0);
        r[i] = s % BASE;
        carry = s / BASE;
    }
    while (n > 1 && r[n - 1] == 0)
        n--;
    free(out->limb);
    out->limb = r;
    out->n = n;
    return 1;
}

static void big_print(const char *label, const struct big *b) {
    const unsigned *p = b->limb + b->n;
    printf("%s = %u", label, *--p);
    while (p > b->limb)
        printf("%04u", *--p);
    unsigned digit_sum = 0;
    for (p = b->limb; p < b->limb + b->n; p++)
        for (unsigned v = *p; v; v /= 10)
            digit_sum += v % 10;
    printf("  [%zu limbs, digit sum %u]\n", b->n, digit_sum);
}

int main(void) {
    struct big f = {NULL, 0};
    if (!big_set(&f, 1))
        return 1;
    for (unsigned i = 2; i <= 40; i++) {
        big_mul_small(&f, i);
        if (i % 10 == 0) {
            char label[16];
            snprintf(label, sizeof label, "%u!", i);
            big_print(label, &f);
        }
    }

    struct big p = {NULL, 0};
    big_set(&p, 1);
    for (int i = 0; i < 128; i++)
        big_mul_small(&p, 2);
    big_print("2^128", &p);

    struct big a = {NULL, 0}, b = {NULL, 0}, c = {NULL, 0};
    big_set(&a, 0);
    big_set(&b, 1);
    for (int i = 2; i <= 150; i++) {
        big_add(&c, &a, &b);
        struct big t = a; /* rotate ownership: a <- b <- c, old a buffer reused as c */
        a = b;
        b = c;
        c = t;
    }
    big_print("fib(150)", &b);
    memset(c.limb, 0, c.n * sizeof *c.limb);
    free(a.limb);
    free(b.limb);
    free(c.limb);
    free(p.limb);
    free(f.limb);
    return 0;
}
