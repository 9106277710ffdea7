/* Exercises: a state machine written with goto labels as states: a tokenizer
 * over a char array that recognises numbers, identifiers and operators and
 * evaluates a simple left-to-right sum/difference.
 * Original program written for this corpus. */
#include <stdio.h>

static int run(char *s) {
    int i = 0, value = 0, total = 0, sign = 1, idents = 0, errors = 0;
    char c;

start:
    c = s[i];
    if (c == '\0')
        goto end;
    if (c == ' ') {
        i++;
        goto start;
    }
    if (c >= '0' && c <= '9') {
        value = 0;
        goto number;
    }
    if ((c >= 'a' && c <= 'z') || c == '_')
        goto ident;
    if (c == '+' || c == '-')
        goto op;
    errors++;
    printf("  bad char '%c' at %d\n", c, i);
    i++;
    goto start;

number:
    c = s[i];
    if (c >= '0' && c <= '9') {
        value = value * 10 + (c - '0');
        i++;
        goto number;
    }
    printf("  num %d\n", value);
    total += sign * value;
    sign = 1;
    goto start;

ident:
    printf("  ident ");
ident_more:
    c = s[i];
    if ((c >= 'a' && c <= 'z') || c == '_' || (c >= '0' && c <= '9')) {
        putchar(c);
        i++;
        goto ident_more;
    }
    putchar('\n');
    idents++;
    goto start;

op:
    sign = (c == '-') ? -sign : sign;
    printf("  op %c\n", c);
    i++;
    goto start;

end:
    printf("  total=%d idents=%d errors=%d\n", total, idents, errors);
    return total;
}

int main(void) {
    char a[] = "12 + 30 - 2";
    char b[] = "x1 + 7 - - 3 foo_bar";
    char c[] = "5 ? 4 # 100";
    char d[] = "";
    int r = 0;
    printf("[%s]\n", a);
    r += run(a);
    printf("[%s]\n", b);
    r += run(b);
    printf("[%s]\n", c);
    r += run(c);
    printf("[%s]\n", d);
    r += run(d);
    printf("r=%d\n", r);
    return r % 256;
}
