/* Reverse Polish notation calculator over scripted expressions, with a
 * fixed-size value stack and error reporting. Exits with the number of
 * expressions that failed. */
#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>

#define STACK_MAX 16

enum Error { OK = 0, ERR_UNDERFLOW, ERR_OVERFLOW, ERR_DIV_ZERO, ERR_BAD_TOKEN, ERR_LEFTOVER };

static const char *const error_text[] = {
    "ok", "stack underflow", "stack overflow", "division by zero", "bad token", "leftover values"
};

static long stack[STACK_MAX];
static int sp;

static enum Error push(long v)
{
    if (sp == STACK_MAX)
        return ERR_OVERFLOW;
    stack[sp++] = v;
    return OK;
}

static enum Error evaluate(const char *expr, long *result)
{
    int i = 0;
    sp = 0;
    while (expr[i] != '\0') {
        char c = expr[i];
        enum Error err = OK;
        if (isspace((unsigned char)c)) {
            i++;
            continue;
        }
        if (isdigit((unsigned char)c) || (c == '-' && isdigit((unsigned char)expr[i + 1]))) {
            long v = 0;
            int negative = (c == '-');
            if (negative)
                i++;
            while (isdigit((unsigned char)expr[i]))
                v = v * 10 + (expr[i++] - '0');
            err = push(negative ? -v : v);
        } else if (c == '+' || c == '-' || c == '*' || c == '/' || c == '%') {
            long a, b;
            if (sp < 2)
                return ERR_UNDERFLOW;
            b = stack[--sp];
            a = stack[--sp];
            if ((c == '/' || c == '%') && b == 0)
                return ERR_DIV_ZERO;
            switch (c) {
            case '+': err = push(a + b); break;
            case '-': err = push(a - b); break;
            case '*': err = push(a * b); break;
            case '/': err = push(a / b); break;
            default:  err = push(a % b); break;
            }
            i++;
        } else if (c == 'd') { /* duplicate */
            if (sp < 1)
                return ERR_UNDERFLOW;
            err = push(stack[sp - 1]);
            i++;
        } else if (c == 'n') { /* negative absolute value */
            if (sp < 1)
                return ERR_UNDERFLOW;
            stack[sp - 1] = labs(stack[sp - 1]) * -1;
            i++;
        } else {
            return ERR_BAD_TOKEN;
        }
        if (err != OK)
            return err;
    }
    if (sp != 1)
        return sp == 0 ? ERR_UNDERFLOW : ERR_LEFTOVER;
    *result = stack[0];
    return OK;
}

int main(void)
{
    const char *exprs[] = {
        "3 4 +", "5 1 2 + 4 * + 3 -", "2 3 4 * +", "-7 2 /", "-7 2 %", "10 0 /",
        "1 +", "4 d * d *", "1 2 3", "6 x 2", "9 n 3 -", "100 7 % 3 *",
        "1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 + + + + + + + + + + + + + + + +",
        "123456 789 * 1000 /",
    };
    int failures = 0;
    size_t i;

    for (i = 0; i < sizeof exprs / sizeof exprs[0]; i++) {
        long r = 0;
        enum Error e = evaluate(exprs[i], &r);
        if (e == OK) {
            printf("%-22.22s = %ld\n", exprs[i], r);
        } else {
            printf("%-22.22s : error %d (%s)\n", exprs[i], (int)e, error_text[e]);
            failures++;
        }
    }
    printf("%d of %zu expressions failed\n", failures, sizeof exprs / sizeof exprs[0]);
    return failures;
}
