/* Exercises: a recursive-descent parser for integer expressions that advances a
 * `const char **` cursor: precedence climbing by grammar levels, unary minus, parentheses,
 * single-letter variables, and error reporting by the cursor's offset into the input.
 * Original program written for this corpus. */
#include <stdio.h>

struct parser {
    const char *start;
    const char *err; /* where the first error happened, or NULL */
    const char *why;
    long vars[26];
};

static long expr(struct parser *ps, const char **s);

static void skip(const char **s) {
    while (**s == ' ')
        (*s)++;
}

static void fail(struct parser *ps, const char *at, const char *why) {
    if (!ps->err) {
        ps->err = at;
        ps->why = why;
    }
}

static long primary(struct parser *ps, const char **s) {
    skip(s);
    const char *p = *s;
    if (*p == '(') {
        *s = p + 1;
        long v = expr(ps, s);
        skip(s);
        if (**s == ')')
            (*s)++;
        else
            fail(ps, *s, "expected )");
        return v;
    }
    if (*p == '-') {
        *s = p + 1;
        return -primary(ps, s);
    }
    if (*p >= 'a' && *p <= 'z') {
        *s = p + 1;
        return ps->vars[*p - 'a'];
    }
    if (*p >= '0' && *p <= '9') {
        long v = 0;
        while (*p >= '0' && *p <= '9')
            v = v * 10 + (*p++ - '0');
        *s = p;
        return v;
    }
    fail(ps, p, "expected operand");
    return 0;
}

static long term(struct parser *ps, const char **s) {
    long v = primary(ps, s);
    for (;;) {
        skip(s);
        char op = **s;
        if (op != '*' && op != '/' && op != '%')
            return v;
        const char *at = *s;
        (*s)++;
        long r = primary(ps, s);
        if (op == '*')
            v *= r;
        else if (r == 0)
            fail(ps, at, "division by zero");
        else
            v = op == '/' ? v / r : v % r;
    }
}

static long expr(struct parser *ps, const char **s) {
    long v = term(ps, s);
    for (;;) {
        skip(s);
        if (**s == '+') {
            (*s)++;
            v += term(ps, s);
        } else if (**s == '-') {
            (*s)++;
            v -= term(ps, s);
        } else {
            return v;
        }
    }
}

static void evaluate(struct parser *ps, const char *text) {
    const char *s = text;
    ps->start = text;
    ps->err = NULL;
    long v = expr(ps, &s);
    skip(&s);
    if (*s != '\0')
        fail(ps, s, "trailing input");
    if (ps->err)
        printf("%-24s error at %d: %s\n", text, (int)(ps->err - ps->start), ps->why);
    else
        printf("%-24s = %ld\n", text, v);
}

int main(void) {
    struct parser ps = {0};
    ps.vars['x' - 'a'] = 7;
    ps.vars['y' - 'a'] = -3;
    ps.vars['n' - 'a'] = 100;
    const char *tests[] = {"1 + 2 * 3",      "(1 + 2) * 3",    "2 * (3 + 4) * 5", "-x + 10",
                           "x * y - n / 4",  "n % 7 + -(-y)",  "((((42))))",      "10 / (5 - 5)",
                           "3 + * 4",        "(1 + 2",         "12 34",           "",
                           "100 - 1 - 2 - 3", "7 - -7 * - -2", "n / x / 2 % 3"};
    for (int i = 0; i < 15; i++)
        evaluate(&ps, tests[i]);
    return 0;
}
