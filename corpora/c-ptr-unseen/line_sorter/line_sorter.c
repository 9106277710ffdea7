/* line_sorter: splits text into an array of malloc'd lines, sorts them with comparator functions, removes duplicates and counts words. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

static char *dup_range(const char *start, const char *end)
{
    size_t n = (size_t)(end - start);
    char *s = malloc(n + 1);
    if (s != NULL) {
        memcpy(s, start, n);
        s[n] = '\0';
    }
    return s;
}

/* Returns a malloc'd array of malloc'd lines; *count receives their number. */
static char **split_lines(const char *text, size_t *count)
{
    size_t cap = 2, n = 0;
    char **lines = malloc(cap * sizeof *lines);
    const char *p = text, *nl;
    while (lines != NULL && *p != '\0') {
        nl = strchr(p, '\n');
        if (nl == NULL)
            nl = p + strlen(p);
        if (n == cap) {
            char **grown = realloc(lines, 2 * cap * sizeof *lines);
            if (grown == NULL)
                break;
            lines = grown;
            cap *= 2;
        }
        lines[n] = dup_range(p, nl);
        if (lines[n] == NULL)
            break;
        n++;
        p = *nl ? nl + 1 : nl;
    }
    *count = n;
    return lines;
}

static int cmp_plain(const char *a, const char *b) { return strcmp(a, b); }

static int cmp_nocase(const char *a, const char *b)
{
    while (*a && tolower((unsigned char)*a) == tolower((unsigned char)*b)) {
        a++;
        b++;
    }
    return tolower((unsigned char)*a) - tolower((unsigned char)*b);
}

static int cmp_length(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    return la < lb ? -1 : la > lb ? 1 : strcmp(a, b);
}

static void insertion_sort(char **v, size_t n, int (*cmp)(const char *, const char *))
{
    size_t i, j;
    for (i = 1; i < n; i++) {
        char *key = v[i];
        for (j = i; j > 0 && cmp(v[j - 1], key) > 0; j--)
            v[j] = v[j - 1];
        v[j] = key;
    }
}

static size_t dedupe(char **v, size_t n)
{
    char **r, **w = v, **end = v + n;
    if (n == 0)
        return 0;
    for (r = v + 1; r < end; r++) {
        if (strcmp(*r, *w) == 0)
            free(*r);
        else
            *++w = *r;
    }
    return (size_t)(w - v) + 1;
}

static int count_words(const char *s)
{
    int words = 0, in_word = 0;
    for (; *s; s++) {
        if (isspace((unsigned char)*s))
            in_word = 0;
        else if (!in_word) {
            in_word = 1;
            words++;
        }
    }
    return words;
}

int main(void)
{
    const char *text = "pear tart\nApple pie\nbanana\napple pie\nbanana\n\nCherry  cake with cream\n"
                       "pear tart\nfig";
    static const struct {
        const char *name;
        int (*cmp)(const char *, const char *);
    } orders[] = { { "plain", cmp_plain }, { "nocase", cmp_nocase }, { "length", cmp_length } };
    size_t n, i, k;
    char **lines = split_lines(text, &n);

    if (lines == NULL)
        return 2;
    printf("%zu lines\n", n);
    for (k = 0; k < sizeof orders / sizeof orders[0]; k++) {
        insertion_sort(lines, n, orders[k].cmp);
        printf("%s:", orders[k].name);
        for (i = 0; i < n; i++)
            printf(" [%s]", lines[i]);
        putchar('\n');
    }
    insertion_sort(lines, n, cmp_plain);
    n = dedupe(lines, n);
    printf("%zu unique lines\n", n);
    for (i = 0; i < n; i++) {
        printf("%2zu %-24s %d words\n", i + 1, lines[i], count_words(lines[i]));
        free(lines[i]);
    }
    free(lines);
    return 0;
}
