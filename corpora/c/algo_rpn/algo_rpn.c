/* Exercises: a reverse-Polish calculator over char arrays with an int stack
 * (array + top index), error handling through return codes (stack underflow,
 * division by zero, bad token), and a nonzero exit status for the error count.
 * Original program written for this corpus. */
#include <stdio.h>

#define STACK 16

enum { OK = 0, UNDERFLOW = 1, DIVZERO = 2, BADTOKEN = 3, OVERFLOW = 4, LEFTOVER = 5 };

static int eval(const char expr[], long *result) {
    long stack[STACK];
    int top = 0;
    int i = 0;
    while (expr[i] != '\0') {
        char c = expr[i];
        if (c == ' ') {
            i++;
            continue;
        }
        if (c >= '0' && c <= '9') {
            long v = 0;
            while (expr[i] >= '0' && expr[i] <= '9') {
                v = v * 10 + (expr[i] - '0');
                i++;
            }
            if (top == STACK)
                return OVERFLOW;
            stack[top++] = v;
            continue;
        }
        if (c != '+' && c != '-' && c != '*' && c != '/' && c != '%')
            return BADTOKEN;
        if (top < 2)
            return UNDERFLOW;
        long b = stack[--top];
        long a = stack[--top];
        long r = 0;
        switch (c) {
        case '+': r = a + b; break;
        case '-': r = a - b; break;
        case '*': r = a * b; break;
        case '/':
        case '%':
            if (b == 0)
                return DIVZERO;
            r = c == '/' ? a / b : a % b;
            break;
        }
        stack[top++] = r;
        i++;
    }
    if (top != 1)
        return top == 0 ? UNDERFLOW : LEFTOVER;
    *result = stack[0];
    return OK;
}

int main(void) {
    const char exprs[8][32] = {
        "3 4 + 2 *", "5 1 2 + 4 * + 3 -", "2 3 4 * 5 6 * + -", "10 0 /",
        "1 +", "7 2 % 9 *", "4 x +", "1 2 3",
    };
    const char *names[6] = {"ok", "underflow", "div by zero", "bad token", "overflow",
                            "leftover"};
    int errors = 0;
    for (int k = 0; k < 8; k++) {
        long r = 0;
        int st = eval(exprs[k], &r);
        if (st == OK)
            printf("%-20s = %ld\n", exprs[k], r);
        else {
            printf("%-20s : error %d (%s)\n", exprs[k], st, names[st]);
            errors++;
        }
    }
    printf("errors=%d\n", errors);
    return errors;
}
