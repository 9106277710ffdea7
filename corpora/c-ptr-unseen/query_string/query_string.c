/* query_string: splits a URL query into key/value pairs, percent-decodes them in place, looks them up and re-encodes. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

struct param {
    char *key;
    char *value; /* NULL when the pair had no '=' */
};

struct query {
    char *buf; /* one malloc'd copy; keys and values point into it */
    struct param *items;
    size_t count;
};

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)tolower((unsigned char)c);
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

static void decode(char *s)
{
    char *w = s;
    const char *r = s;
    while (*r != '\0') {
        if (*r == '+') {
            *w++ = ' ';
            r++;
        } else if (*r == '%' && hexval(r[1]) >= 0 && hexval(r[2]) >= 0) {
            *w++ = (char)(hexval(r[1]) * 16 + hexval(r[2]));
            r += 3;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
}

static int parse(struct query *q, const char *text)
{
    size_t n = 1;
    const char *c;
    char *p, *amp, *eq;
    for (c = text; *c != '\0'; c++)
        if (*c == '&')
            n++;
    q->buf = malloc(strlen(text) + 1);
    q->items = calloc(n, sizeof *q->items);
    q->count = 0;
    if (q->buf == NULL || q->items == NULL)
        return -1;
    strcpy(q->buf, text);
    for (p = q->buf; p != NULL; p = amp) {
        amp = strchr(p, '&');
        if (amp != NULL)
            *amp++ = '\0';
        if (*p == '\0')
            continue;
        eq = strchr(p, '=');
        if (eq != NULL) {
            *eq = '\0';
            decode(eq + 1);
        }
        decode(p);
        q->items[q->count].key = p;
        q->items[q->count].value = eq != NULL ? eq + 1 : NULL;
        q->count++;
    }
    return 0;
}

static const char *lookup(const struct query *q, const char *key)
{
    const struct param *it = q->items, *end = q->items + q->count;
    for (; it < end; it++)
        if (strcmp(it->key, key) == 0)
            return it->value != NULL ? it->value : "";
    return NULL;
}

static size_t encode(char *out, size_t cap, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    char *w = out, *limit = out + cap - 1;
    for (; *s != '\0' && w < limit; s++) {
        unsigned char ch = (unsigned char)*s;
        if (isalnum(ch) || strchr("-_.~", ch) != NULL) {
            *w++ = (char)ch;
        } else if (ch == ' ') {
            *w++ = '+';
        } else if (limit - w >= 3) {
            *w++ = '%';
            *w++ = hex[ch >> 4];
            *w++ = hex[ch & 15];
        } else {
            break;
        }
    }
    *w = '\0';
    return (size_t)(w - out);
}

int main(void)
{
    static const char *const urls[] = {
        "name=Ada+Lovelace&year=1815&city=London%2C%20UK&flag&&empty=",
        "q=50%25+off%21&lang=en&q=second",
        "path=%2Fhome%2Fuser&bad=%zz%4&last=%41%42C",
    };
    static const char *const keys[] = { "name", "q", "empty", "flag", "missing", "bad" };
    char enc[64];
    size_t u, i;

    for (u = 0; u < sizeof urls / sizeof urls[0]; u++) {
        struct query q;
        printf("%s\n", urls[u]);
        if (parse(&q, urls[u]) != 0)
            return 2;
        for (i = 0; i < q.count; i++) {
            const char *v = q.items[i].value;
            size_t len = encode(enc, sizeof enc, v != NULL ? v : "");
            printf("  %zu: %-6s = %-14s | %s (%zu)\n", i, q.items[i].key, v != NULL ? v : "(none)",
                   enc, len);
        }
        for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
            const char *v = lookup(&q, keys[i]);
            if (v != NULL)
                printf("  lookup %s -> \"%s\"\n", keys[i], v);
        }
        free(q.items);
        free(q.buf);
    }
    printf("tiny buffer: %zu\n", encode(enc, 6, "a b/c"));
    printf("-> %s\n", enc);
    return 0;
}
