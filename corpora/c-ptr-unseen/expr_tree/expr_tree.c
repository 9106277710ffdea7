/* expr_tree: builds expression trees from prefix notation, evaluates them for several x, and prints infix (minimal parentheses) and postfix forms. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>

enum kind { NUM, VAR, OP };

struct expr {
    enum kind kind;
    long num;
    char op;
    struct expr *lhs, *rhs;
};

static int nodes;

static struct expr *parse(const char **s)
{
    struct expr *e;
    while (**s == ' ')
        (*s)++;
    if (**s == '\0')
        return NULL;
    e = calloc(1, sizeof *e);
    if (e == NULL)
        return NULL;
    nodes++;
    if (isdigit((unsigned char)**s)) {
        e->kind = NUM;
        while (isdigit((unsigned char)**s))
            e->num = e->num * 10 + (*(*s)++ - '0');
    } else if (**s == 'x') {
        e->kind = VAR;
        (*s)++;
    } else {
        e->kind = OP;
        e->op = *(*s)++;
        e->lhs = parse(s);
        e->rhs = parse(s);
    }
    return e;
}

static void free_expr(struct expr *e)
{
    if (e == NULL)
        return;
    free_expr(e->lhs);
    free_expr(e->rhs);
    free(e);
    nodes--;
}

static int eval(const struct expr *e, long x, long *out)
{
    long a, b;
    if (e == NULL)
        return -1;
    if (e->kind == NUM) { *out = e->num; return 0; }
    if (e->kind == VAR) { *out = x; return 0; }
    if (eval(e->lhs, x, &a) != 0 || eval(e->rhs, x, &b) != 0)
        return -1;
    switch (e->op) {
    case '+': *out = a + b; return 0;
    case '-': *out = a - b; return 0;
    case '*': *out = a * b; return 0;
    case '/': if (b == 0) return -2; *out = a / b; return 0;
    case '%': if (b == 0) return -2; *out = a % b; return 0;
    default: return -3;
    }
}

static int prec(const struct expr *e)
{
    if (e->kind != OP)
        return 3;
    return (e->op == '+' || e->op == '-') ? 1 : 2;
}

static void print_infix(const struct expr *e)
{
    int p, lp, rp;
    if (e == NULL) { printf("?"); return; }
    if (e->kind == NUM) { printf("%ld", e->num); return; }
    if (e->kind == VAR) { putchar('x'); return; }
    p = prec(e);
    lp = e->lhs != NULL && prec(e->lhs) < p;
    /* right operand of - / % needs parentheses at equal precedence too */
    rp = e->rhs != NULL && (prec(e->rhs) < p || (prec(e->rhs) == p && e->op != '+' && e->op != '*'));
    if (lp) putchar('(');
    print_infix(e->lhs);
    if (lp) putchar(')');
    printf(" %c ", e->op);
    if (rp) putchar('(');
    print_infix(e->rhs);
    if (rp) putchar(')');
}

static void print_postfix(const struct expr *e)
{
    if (e == NULL)
        return;
    print_postfix(e->lhs);
    print_postfix(e->rhs);
    if (e->kind == NUM) printf("%ld ", e->num);
    else if (e->kind == VAR) printf("x ");
    else printf("%c ", e->op);
}

int main(void)
{
    static const char *const inputs[] = {
        "* + 3 4 - 10 / 8 2", "- 100 - 20 5", "+ * x x + * 2 x 1", "/ 1000 - x 2",
        "% * x 7 5", "- - x 1 + x 1", "+ 1",
    };
    size_t i;
    long x, v;
    int rc, errors = 0;

    for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        const char *s = inputs[i];
        struct expr *e = parse(&s);
        printf("%-22s infix: ", inputs[i]);
        print_infix(e);
        printf("\n%-22s postfix: ", "");
        print_postfix(e);
        printf("\n%-22s values:", "");
        for (x = -1; x <= 3; x++) {
            rc = eval(e, x, &v);
            if (rc == 0)
                printf(" %ld", v);
            else {
                printf(" err%d", rc);
                errors++;
            }
        }
        printf("  [%d nodes]\n", nodes);
        free_expr(e);
    }
    printf("errors: %d, nodes left: %d\n", errors, nodes);
    return errors;
}
