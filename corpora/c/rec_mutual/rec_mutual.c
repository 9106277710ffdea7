/* Exercises: mutual recursion through forward declarations: is_even/is_odd,
 * Hofstadter female/male sequences, and a tiny recursive-descent parser
 * (expr/term/factor) over a char array with a global cursor.
 * Original program written for this corpus (Hofstadter F/M from "Goedel, Escher, Bach"). */
#include <stdio.h>

static int is_even(unsigned int n);
static int is_odd(unsigned int n);

static int is_even(unsigned int n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned int n) { return n == 0 ? 0 : is_even(n - 1); }

static int hof_f(int n);
static int hof_m(int n);
static int hof_f(int n) { return n == 0 ? 1 : n - hof_m(hof_f(n - 1)); }
static int hof_m(int n) { return n == 0 ? 0 : n - hof_f(hof_m(n - 1)); }

static char input[64];
static int pos;

static int expr(void);

static int factor(void) {
    if (input[pos] == '(') {
        pos++;
        int v = expr();
        pos++;          /* skip ')' */
        return v;
    }
    if (input[pos] == '-') {
        pos++;
        return -factor();
    }
    int v = 0;
    while (input[pos] >= '0' && input[pos] <= '9') {
        v = v * 10 + (input[pos] - '0');
        pos++;
    }
    return v;
}

static int term(void) {
    int v = factor();
    while (input[pos] == '*' || input[pos] == '/') {
        char op = input[pos++];
        int rhs = factor();
        v = (op == '*') ? v * rhs : v / rhs;
    }
    return v;
}

static int expr(void) {
    int v = term();
    while (input[pos] == '+' || input[pos] == '-') {
        char op = input[pos++];
        int rhs = term();
        v = (op == '+') ? v + rhs : v - rhs;
    }
    return v;
}

static int eval(const char *s) {
    int i = 0;
    while (s[i] != '\0' && i < 63) {
        input[i] = s[i];
        i++;
    }
    input[i] = '\0';
    pos = 0;
    return expr();
}

int main(void) {
    for (unsigned int n = 0; n < 8; n++)
        printf("%u:%d%d ", n, is_even(n), is_odd(n));
    printf("\nis_even(1001)=%d\n", is_even(1001));

    printf("F:");
    for (int n = 0; n < 15; n++)
        printf(" %d", hof_f(n));
    printf("\nM:");
    for (int n = 0; n < 15; n++)
        printf(" %d", hof_m(n));
    printf("\n");

    printf("%d\n", eval("2+3*4"));
    printf("%d\n", eval("(2+3)*4"));
    printf("%d\n", eval("100/7/2-(3-10)*-2"));
    printf("%d\n", eval("-(-(8))*((1+1)*(2+2))"));
    return eval("6*7");
}
