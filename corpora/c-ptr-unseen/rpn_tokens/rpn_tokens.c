/* rpn_tokens: tokenises infix expressions into a malloc'd token array, converts them to RPN with the shunting-yard algorithm and evaluates the result. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>

enum tok_kind { T_NUM, T_OP, T_LPAREN, T_RPAREN };

struct token {
    enum tok_kind kind;
    long value;
    char op; /* '~' is unary minus */
};

struct tokens {
    struct token *v;
    size_t n, cap;
};

static int push_tok(struct tokens *t, enum tok_kind kind, long value, char op)
{
    if (t->n == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 8;
        struct token *p = realloc(t->v, cap * sizeof *p);
        if (p == NULL)
            return -1;
        t->v = p;
        t->cap = cap;
    }
    t->v[t->n++] = (struct token){ kind, value, op };
    return 0;
}

static const char *tokenize(const char *s, struct tokens *out)
{
    int expect_operand = 1;
    while (*s) {
        int rc = 0;
        if (isspace((unsigned char)*s)) { s++; continue; }
        if (isdigit((unsigned char)*s)) {
            char *end;
            rc = push_tok(out, T_NUM, strtol(s, &end, 10), 0);
            s = end;
            expect_operand = 0;
        } else if (*s == '(' || *s == ')') {
            rc = push_tok(out, *s == '(' ? T_LPAREN : T_RPAREN, 0, *s);
            expect_operand = *s++ == '(';
        } else if (*s == '-' && expect_operand) {
            rc = push_tok(out, T_OP, 0, '~');
            s++;
        } else if (*s == '+' || *s == '-' || *s == '*' || *s == '/' || *s == '^') {
            rc = push_tok(out, T_OP, 0, *s++);
            expect_operand = 1;
        } else {
            return "unexpected character";
        }
        if (rc != 0)
            return "out of memory";
    }
    return NULL;
}

static int prec(char op) { return op == '~' ? 4 : op == '^' ? 3 : (op == '*' || op == '/') ? 2 : 1; }
static int right_assoc(char op) { return op == '^' || op == '~'; }

static const char *to_rpn(const struct tokens *in, struct tokens *out)
{
    struct token *stack = malloc((in->n + 1) * sizeof *stack);
    const struct token *t, *end = in->v + in->n;
    size_t sp = 0;
    const char *err = NULL;
    if (stack == NULL)
        return "out of memory";
    for (t = in->v; t < end && err == NULL; t++) {
        if (t->kind == T_NUM) {
            if (push_tok(out, T_NUM, t->value, 0) != 0) err = "out of memory";
        } else if (t->kind == T_LPAREN) {
            stack[sp++] = *t;
        } else if (t->kind == T_RPAREN) {
            while (sp > 0 && stack[sp - 1].kind != T_LPAREN)
                if (push_tok(out, T_OP, 0, stack[--sp].op) != 0) err = "out of memory";
            if (sp == 0) err = "unmatched ')'";
            else sp--;
        } else {
            while (sp > 0 && stack[sp - 1].kind == T_OP && t->op != '~' &&
                   (prec(stack[sp - 1].op) > prec(t->op) ||
                    (prec(stack[sp - 1].op) == prec(t->op) && !right_assoc(t->op))))
                if (push_tok(out, T_OP, 0, stack[--sp].op) != 0) err = "out of memory";
            stack[sp++] = *t;
        }
    }
    while (err == NULL && sp > 0) {
        if (stack[--sp].kind == T_LPAREN) err = "unmatched '('";
        else if (push_tok(out, T_OP, 0, stack[sp].op) != 0) err = "out of memory";
    }
    free(stack);
    return err;
}

static const char *eval(const struct tokens *rpn, long *result)
{
    long st[64];
    int sp = 0;
    size_t i;
    for (i = 0; i < rpn->n; i++) {
        const struct token *t = &rpn->v[i];
        long a, b, r = 1;
        if (t->kind == T_NUM) { if (sp == 64) return "too deep"; st[sp++] = t->value; continue; }
        if (t->op == '~') { if (sp < 1) return "missing operand"; st[sp - 1] = -st[sp - 1]; continue; }
        if (sp < 2) return "missing operand";
        b = st[--sp];
        a = st[--sp];
        switch (t->op) {
        case '+': r = a + b; break;
        case '-': r = a - b; break;
        case '*': r = a * b; break;
        case '/': if (b == 0) return "division by zero"; r = a / b; break;
        default: if (b < 0) return "negative exponent"; while (b-- > 0) r *= a; break;
        }
        st[sp++] = r;
    }
    if (sp != 1) return "missing operator";
    *result = st[0];
    return NULL;
}

int main(void)
{
    static const char *const exprs[] = {
        "1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "100 / 7 / 2", "-(4 - 10) * -3",
        "2 * (3 + 4", "8 / (2 - 2)", "7 % 2", "3 4", "((15))", "1 - - 1",
    };
    size_t i, k;
    int errors = 0;
    for (i = 0; i < sizeof exprs / sizeof exprs[0]; i++) {
        struct tokens toks = { NULL, 0, 0 }, rpn = { NULL, 0, 0 };
        const char *err = tokenize(exprs[i], &toks);
        long value = 0;
        if (err == NULL) err = to_rpn(&toks, &rpn);
        printf("%-16s|", exprs[i]);
        for (k = 0; err == NULL && k < rpn.n; k++)
            if (rpn.v[k].kind == T_NUM) printf(" %ld", rpn.v[k].value);
            else printf(" %c", rpn.v[k].op);
        if (err == NULL) err = eval(&rpn, &value);
        if (err != NULL) { printf(" error: %s\n", err); errors++; }
        else printf("  = %ld\n", value);
        free(toks.v);
        free(rpn.v);
    }
    return errors;
}
