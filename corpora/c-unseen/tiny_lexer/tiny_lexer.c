#include <stdio.h>
#include <string.h>
#include <ctype.h>

enum kind { T_IDENT, T_KEYWORD, T_NUMBER, T_STRING, T_OP, T_PUNCT, T_ERROR, T_EOF };

static const char *kind_names[] = { "IDENT", "KEYWORD", "NUMBER", "STRING", "OP", "PUNCT",
                                    "ERROR", "EOF" };

static const char source[] =
    "int count = 42;\n"
    "while (count >= 10) { count -= 0x1F; }\n"
    "if (name == \"bob\") return count * 3 + y_2;\n"
    "x = 7 @ 3; /* comment */ z != 015;";

static const char *keywords[] = { "int", "while", "if", "return", "else" };

struct token {
    enum kind kind;
    int start;
    int len;
    int line;
    long value;
};

static int pos;
static int line = 1;

static int is_keyword(int start, int len)
{
    size_t k;
    for (k = 0; k < sizeof keywords / sizeof keywords[0]; k++)
        if ((int)strlen(keywords[k]) == len && strncmp(keywords[k], &source[start], (size_t)len) == 0)
            return 1;
    return 0;
}

static struct token next_token(void)
{
    struct token t;
    static const char *two_char_ops[] = { ">=", "<=", "==", "!=", "-=", "+=" };
    size_t k;
    for (;;) {
        while (isspace((unsigned char)source[pos])) {
            if (source[pos] == '\n')
                line++;
            pos++;
        }
        if (source[pos] == '/' && source[pos + 1] == '*') {
            pos += 2;
            while (source[pos] != '\0' && !(source[pos] == '*' && source[pos + 1] == '/'))
                pos++;
            if (source[pos] != '\0')
                pos += 2;
            continue;
        }
        break;
    }
    t.start = pos;
    t.line = line;
    t.value = 0;
    if (source[pos] == '\0') {
        t.kind = T_EOF;
    } else if (isalpha((unsigned char)source[pos]) || source[pos] == '_') {
        while (isalnum((unsigned char)source[pos]) || source[pos] == '_')
            pos++;
        t.kind = is_keyword(t.start, pos - t.start) ? T_KEYWORD : T_IDENT;
    } else if (isdigit((unsigned char)source[pos])) {
        int base = 10;
        if (source[pos] == '0' && (source[pos + 1] == 'x' || source[pos + 1] == 'X')) {
            base = 16;
            pos += 2;
        } else if (source[pos] == '0') {
            base = 8;
        }
        while (isxdigit((unsigned char)source[pos])) {
            int c = tolower((unsigned char)source[pos]);
            t.value = t.value * base + (isdigit(c) ? c - '0' : c - 'a' + 10);
            pos++;
        }
        t.kind = T_NUMBER;
    } else if (source[pos] == '"') {
        pos++;
        while (source[pos] != '"' && source[pos] != '\0')
            pos++;
        pos++;
        t.kind = T_STRING;
    } else {
        t.kind = T_ERROR;
        for (k = 0; k < sizeof two_char_ops / sizeof two_char_ops[0]; k++)
            if (strncmp(two_char_ops[k], &source[pos], 2) == 0) {
                t.kind = T_OP;
                pos += 2;
                break;
            }
        if (t.kind == T_ERROR) {
            if (strchr("+-*/=<>!", source[pos]) != NULL)
                t.kind = T_OP;
            else if (strchr("(){};,", source[pos]) != NULL)
                t.kind = T_PUNCT;
            pos++;
        }
    }
    t.len = pos - t.start;
    return t;
}

int main(void)
{
    int counts[T_EOF + 1] = { 0 };
    int i, errors = 0;
    struct token t;
    do {
        t = next_token();
        counts[t.kind]++;
        printf("%d:%-3d %-8s '%.*s'", t.line, t.start, kind_names[t.kind], t.len, &source[t.start]);
        if (t.kind == T_NUMBER)
            printf(" = %ld", t.value);
        putchar('\n');
        if (t.kind == T_ERROR)
            errors++;
    } while (t.kind != T_EOF);
    for (i = 0; i <= T_EOF; i++)
        printf("%-8s %d\n", kind_names[i], counts[i]);
    printf("%s: %d error token(s)\n", errors ? "failed" : "ok", errors);
    return 0;
}
