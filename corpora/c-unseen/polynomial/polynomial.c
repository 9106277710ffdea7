#include <stdio.h>

#define MAXDEG 16

typedef struct {
    int deg;               /* -1 for the zero polynomial */
    long c[MAXDEG + 1];    /* c[i] is the coefficient of x^i */
} poly;

static void normalize(poly *p)
{
    while (p->deg >= 0 && p->c[p->deg] == 0)
        p->deg--;
}

static poly make(const long *coef, int n)
{
    poly p;
    int i;
    for (i = 0; i <= MAXDEG; i++)
        p.c[i] = i < n ? coef[i] : 0;
    p.deg = n - 1;
    normalize(&p);
    return p;
}

static poly add(const poly *a, const poly *b)
{
    poly r;
    int i;
    r.deg = a->deg > b->deg ? a->deg : b->deg;
    for (i = 0; i <= MAXDEG; i++)
        r.c[i] = a->c[i] + b->c[i];
    normalize(&r);
    return r;
}

static poly mul(const poly *a, const poly *b)
{
    poly r;
    int i, j;
    for (i = 0; i <= MAXDEG; i++)
        r.c[i] = 0;
    r.deg = (a->deg < 0 || b->deg < 0) ? -1 : a->deg + b->deg;
    for (i = 0; i <= a->deg; i++)
        for (j = 0; j <= b->deg; j++)
            r.c[i + j] += a->c[i] * b->c[j];
    normalize(&r);
    return r;
}

static long eval(const poly *p, long x)
{
    long v = 0;
    int i;
    for (i = p->deg; i >= 0; i--)
        v = v * x + p->c[i];
    return v;
}

static poly derive(const poly *p)
{
    poly r;
    int i;
    for (i = 0; i <= MAXDEG; i++)
        r.c[i] = i < MAXDEG ? p->c[i + 1] * (i + 1) : 0;
    r.deg = p->deg - 1;
    normalize(&r);
    return r;
}

static void print(const char *name, const poly *p)
{
    int i, first = 1;
    printf("%s(x) = ", name);
    if (p->deg < 0) {
        puts("0");
        return;
    }
    for (i = p->deg; i >= 0; i--) {
        long c = p->c[i];
        long m = c < 0 ? -c : c;
        if (c == 0)
            continue;
        if (first && c < 0)
            putchar('-');
        else if (!first)
            printf(c < 0 ? " - " : " + ");
        if (m != 1 || i == 0)
            printf("%ld", m);
        if (i >= 1)
            putchar('x');
        if (i > 1)
            printf("^%d", i);
        first = 0;
    }
    putchar('\n');
}

int main(void)
{
    static const long pc[] = { 1, -3, 0, 2 };
    static const long qc[] = { -1, 1 };
    static const long neg[] = { -1, 3, 0, -2 };
    poly p = make(pc, 4), q = make(qc, 2), n = make(neg, 4);
    poly s, m, d, pw;
    long x;
    int k;

    print("p", &p);
    print("q", &q);
    s = add(&p, &q);
    print("p+q", &s);
    m = mul(&p, &q);
    print("p*q", &m);
    d = derive(&m);
    print("(p*q)'", &d);
    s = add(&p, &n);
    print("p+(-p)", &s);

    for (x = -2; x <= 3; x++)
        printf("x=%2ld p=%4ld q=%3ld pq=%5ld\n", x, eval(&p, x), eval(&q, x), eval(&m, x));

    pw = make(qc, 1);
    pw.c[0] = 1;
    pw.deg = 0;
    for (k = 1; k <= 6; k++) {
        static const long xp1[] = { 1, 1 };
        poly base = make(xp1, 2);
        pw = mul(&pw, &base);
        printf("(x+1)^%d:", k);
        {
            int i;
            for (i = 0; i <= pw.deg; i++)
                printf(" %ld", pw.c[i]);
        }
        printf("  sum=%ld\n", eval(&pw, 1));
    }
    return 0;
}
