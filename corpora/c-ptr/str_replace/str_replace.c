/* Exercises: building new strings on the heap: replace-all in two passes (count with strstr,
 * then size, malloc and fill with memcpy through a moving pointer), joining an array of
 * strings with a separator, and ${name} template expansion with a lookup table.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *replace_all(const char *s, const char *from, const char *to) {
    size_t flen = strlen(from), tlen = strlen(to);
    size_t count = 0;
    for (const char *p = strstr(s, from); p && flen; p = strstr(p + flen, from))
        count++;
    size_t out_len = strlen(s) + count * tlen - count * flen;
    char *out = malloc(out_len + 1);
    if (!out)
        return NULL;
    char *w = out;
    const char *p;
    while (flen && (p = strstr(s, from)) != NULL) {
        memcpy(w, s, (size_t)(p - s));
        w += p - s;
        memcpy(w, to, tlen);
        w += tlen;
        s = p + flen;
    }
    strcpy(w, s);
    return out;
}

static char *join(const char *const *parts, int n, const char *sep) {
    size_t total = 1, slen = strlen(sep);
    for (int i = 0; i < n; i++)
        total += strlen(parts[i]) + (i ? slen : 0);
    char *out = malloc(total);
    if (!out)
        return NULL;
    char *w = out;
    for (int i = 0; i < n; i++) {
        if (i) {
            memcpy(w, sep, slen);
            w += slen;
        }
        size_t len = strlen(parts[i]);
        memcpy(w, parts[i], len);
        w += len;
    }
    *w = '\0';
    return out;
}

static const char *lookup(const char *name, size_t len) {
    static const char *const table[][2] = {{"user", "ada"}, {"lang", "C"}, {"n", "34"}};
    for (int i = 0; i < 3; i++)
        if (strlen(table[i][0]) == len && strncmp(table[i][0], name, len) == 0)
            return table[i][1];
    return "?";
}

static void expand(const char *tpl, char *out, size_t cap) {
    char *w = out, *end = out + cap - 1;
    while (*tpl && w < end) {
        const char *close;
        if (tpl[0] == '$' && tpl[1] == '{' && (close = strchr(tpl, '}')) != NULL) {
            const char *val = lookup(tpl + 2, (size_t)(close - tpl - 2));
            while (*val && w < end)
                *w++ = *val++;
            tpl = close + 1;
        } else {
            *w++ = *tpl++;
        }
    }
    *w = '\0';
}

int main(void) {
    const char *cases[][3] = {{"the cat and the hat", "the", "a"},
                              {"aaaa", "aa", "b"},
                              {"ptr->next->next", "->", "."},
                              {"no match here", "xyz", "!"},
                              {"x", "x", "longer text"},
                              {"abcabc", "", "-"}};
    for (int i = 0; i < 6; i++) {
        char *r = replace_all(cases[i][0], cases[i][1], cases[i][2]);
        if (r) {
            printf("\"%s\" [%s->%s] = \"%s\" (%zu)\n", cases[i][0], cases[i][1], cases[i][2], r,
                   strlen(r));
            free(r);
        }
    }

    const char *parts[] = {"alpha", "beta", "", "delta"};
    for (int n = 0; n <= 4; n += 2) {
        char *j = join(parts, n, ", ");
        if (j) {
            printf("join %d: [%s]\n", n, j);
            free(j);
        }
    }

    char buf[48];
    expand("hello ${user}, ${lang} has ${n} keywords", buf, sizeof buf);
    printf("%s\n", buf);
    expand("${missing} and ${unterminated", buf, sizeof buf);
    printf("%s\n", buf);
    expand("${user}-${user}-${user}-${user}-${user}", buf, 16);
    printf("%s (%zu)\n", buf, strlen(buf));
    return 0;
}
