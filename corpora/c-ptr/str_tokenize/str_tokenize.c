/* Exercises: tokenising `const char *` text three ways: a hand-written scanner that returns a
 * pointer past each token, strspn/strcspn over a delimiter set, and strchr splitting of
 * comma-separated fields (empty fields kept); tokens are copied out with memcpy by length.
 * Original program written for this corpus. */
#include <stdio.h>
#include <string.h>

enum kind { T_END, T_NUM, T_IDENT, T_PUNCT };

/* scans one token starting at s; stores its start/length; returns where scanning stops */
static const char *next_token(const char *s, enum kind *k, const char **start, int *len) {
    while (*s == ' ')
        s++;
    *start = s;
    if (*s == '\0') {
        *k = T_END;
    } else if (*s >= '0' && *s <= '9') {
        while (*s >= '0' && *s <= '9')
            s++;
        *k = T_NUM;
    } else if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_') {
        while ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_' ||
               (*s >= '0' && *s <= '9'))
            s++;
        *k = T_IDENT;
    } else {
        s++;
        *k = T_PUNCT;
    }
    *len = (int)(s - *start);
    return s;
}

static void scan_all(const char *src) {
    static const char *names[] = {"end", "num", "ident", "punct"};
    enum kind k;
    const char *tok;
    int len;
    int count = 0;
    printf("scan \"%s\":\n", src);
    do {
        src = next_token(src, &k, &tok, &len);
        if (k != T_END)
            printf("  %-5s '%.*s'\n", names[k], len, tok);
        count++;
    } while (k != T_END);
    printf("  %d tokens\n", count - 1);
}

static int split_words(const char *s, const char *delims, char out[][16], int max) {
    int n = 0;
    s += strspn(s, delims);
    while (*s && n < max) {
        size_t len = strcspn(s, delims);
        size_t keep = len < 15 ? len : 15;
        memcpy(out[n], s, keep);
        out[n][keep] = '\0';
        n++;
        s += len;
        s += strspn(s, delims);
    }
    return n;
}

static void split_fields(const char *line) {
    printf("fields of \"%s\":", line);
    for (;;) {
        const char *comma = strchr(line, ',');
        int len = comma ? (int)(comma - line) : (int)strlen(line);
        printf(" <%.*s>", len, line);
        if (!comma)
            break;
        line = comma + 1;
    }
    putchar('\n');
}

int main(void) {
    scan_all("x1 = foo(42, y_2) + 7;");
    scan_all("   ");
    scan_all("a<=b");

    char words[8][16];
    const char *text = "  the quick,brown;;fox  jumps over\tthe extraordinarily lazy dog ";
    int n = split_words(text, " ,;\t", words, 8);
    printf("%d words:", n);
    for (int i = 0; i < n; i++)
        printf(" [%s]", words[i]);
    putchar('\n');

    split_fields("alpha,beta,,delta,");
    split_fields("no commas here");
    split_fields(",");

    const char *path = "/usr/local/share/doc";
    const char *slash = strrchr(path, '/');
    printf("basename=%s dirname=%.*s\n", slash + 1, (int)(slash - path), path);
    return 0;
}
