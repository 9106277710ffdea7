/* poly_list: polynomials as sorted linked lists of terms: add, multiply, differentiate, evaluate and pretty-print. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>

struct term {
    long coef;
    int exp;
    struct term *next; /* exponents strictly decreasing */
};

/* Adds coef*x^exp into the list, keeping it sorted and free of zero terms. */
static int add_term(struct term **link, long coef, int exp)
{
    struct term *t;
    if (coef == 0)
        return 0;
    while (*link != NULL && (*link)->exp > exp)
        link = &(*link)->next;
    if (*link != NULL && (*link)->exp == exp) {
        (*link)->coef += coef;
        if ((*link)->coef == 0) {
            t = *link;
            *link = t->next;
            free(t);
        }
        return 0;
    }
    t = malloc(sizeof *t);
    if (t == NULL)
        return -1;
    t->coef = coef;
    t->exp = exp;
    t->next = *link;
    *link = t;
    return 0;
}

static void poly_free(struct term *p)
{
    while (p != NULL) {
        struct term *next = p->next;
        free(p);
        p = next;
    }
}

static struct term *poly_from(const long *coefs, int degree)
{
    struct term *p = NULL;
    int e;
    for (e = 0; e <= degree; e++)
        if (add_term(&p, coefs[degree - e], e) != 0)
            exit(2);
    return p;
}

static struct term *poly_add(const struct term *a, const struct term *b)
{
    struct term *r = NULL;
    for (; a != NULL; a = a->next)
        if (add_term(&r, a->coef, a->exp) != 0)
            exit(2);
    for (; b != NULL; b = b->next)
        if (add_term(&r, b->coef, b->exp) != 0)
            exit(2);
    return r;
}

static struct term *poly_mul(const struct term *a, const struct term *b)
{
    struct term *r = NULL;
    const struct term *q;
    for (; a != NULL; a = a->next)
        for (q = b; q != NULL; q = q->next)
            if (add_term(&r, a->coef * q->coef, a->exp + q->exp) != 0)
                exit(2);
    return r;
}

static struct term *poly_deriv(const struct term *a)
{
    struct term *r = NULL;
    for (; a != NULL; a = a->next)
        if (a->exp > 0 && add_term(&r, a->coef * a->exp, a->exp - 1) != 0)
            exit(2);
    return r;
}

static long poly_eval(const struct term *p, long x)
{
    long sum = 0, pw;
    int i;
    for (; p != NULL; p = p->next) {
        for (pw = 1, i = 0; i < p->exp; i++)
            pw *= x;
        sum += p->coef * pw;
    }
    return sum;
}

static void poly_print(const char *name, const struct term *p)
{
    int first = 1;
    printf("%-8s =", name);
    if (p == NULL)
        printf(" 0");
    for (; p != NULL; p = p->next, first = 0) {
        long c = p->coef < 0 ? -p->coef : p->coef;
        if (first)
            printf("%s", p->coef < 0 ? " -" : " ");
        else
            printf(" %c ", p->coef < 0 ? '-' : '+');
        if (c != 1 || p->exp == 0)
            printf("%ld", c);
        if (p->exp > 0)
            putchar('x');
        if (p->exp > 1)
            printf("^%d", p->exp);
    }
    putchar('\n');
}

int main(void)
{
    static const long pc[] = { 3, 0, -2, 1 };  /* 3x^3 - 2x + 1 */
    static const long qc[] = { -3, 1, 0, 2, -7 }; /* -3x^4 + x^3 + 2x - 7 */
    static const long lin[] = { 1, -1 };       /* x - 1 */
    struct term *p = poly_from(pc, 3), *q = poly_from(qc, 4), *l = poly_from(lin, 1);
    struct term *sum = poly_add(p, q), *prod = poly_mul(p, l), *d = poly_deriv(q);
    struct term *sq = poly_mul(l, l), *cube = poly_mul(sq, l);
    long x;

    poly_print("p", p);
    poly_print("q", q);
    poly_print("p+q", sum);
    poly_print("p*(x-1)", prod);
    poly_print("q'", d);
    poly_print("(x-1)^3", cube);
    for (x = -2; x <= 3; x++)
        printf("x=%2ld  p=%5ld  q=%5ld  p*(x-1)=%6ld  (x-1)^3=%4ld\n", x, poly_eval(p, x),
               poly_eval(q, x), poly_eval(prod, x), poly_eval(cube, x));
    poly_free(p); poly_free(q); poly_free(l); poly_free(sum);
    poly_free(prod); poly_free(d); poly_free(sq); poly_free(cube);
    return 0;
}
