/* find_replace: substring search with a hand-written strstr, counting, and replace-all into a malloc'd string. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *my_strstr(const char *hay, const char *needle)
{
    const char *h, *n;
    if (*needle == '\0')
        return hay;
    for (; *hay != '\0'; hay++) {
        for (h = hay, n = needle; *h != '\0' && *h == *n; h++, n++)
            ;
        if (*n == '\0')
            return hay;
    }
    return NULL;
}

static int count_occurrences(const char *s, const char *pat)
{
    int count = 0;
    size_t plen = strlen(pat);
    const char *p = s;
    if (plen == 0)
        return 0;
    while ((p = my_strstr(p, pat)) != NULL) {
        count++;
        p += plen;
    }
    return count;
}

/* Returns a new string with every non-overlapping `from` replaced by `to`. */
static char *replace_all(const char *s, const char *from, const char *to)
{
    size_t flen = strlen(from), tlen = strlen(to);
    int n = count_occurrences(s, from);
    size_t outlen = strlen(s) + (size_t)n * tlen - (size_t)n * flen;
    char *out = malloc(outlen + 1);
    char *w = out;
    const char *p = s, *hit;
    if (out == NULL)
        return NULL;
    while (n > 0 && (hit = strstr(p, from)) != NULL) {
        size_t chunk = (size_t)(hit - p);
        memcpy(w, p, chunk);
        w += chunk;
        memcpy(w, to, tlen);
        w += tlen;
        p = hit + flen;
    }
    strcpy(w, p);
    return out;
}

static void show_positions(const char *s, const char *pat)
{
    const char *p = s;
    printf("  \"%s\" at:", pat);
    while ((p = strstr(p, pat)) != NULL) {
        printf(" %td", p - s);
        p++;
    }
    putchar('\n');
}

int main(void)
{
    const char *text = "the cat sat on the mat with the other cat";
    const char *fname = "archive.tar.gz";
    static const char *const pairs[][2] = {
        { "cat", "dog" }, { "the", "a" }, { "at", "ATT" }, { " ", "_" },
        { "zebra", "horse" }, { "the cat sat on the mat with the other cat", "" },
    };
    size_t i;
    const char *dot;
    char *cur, *next;

    printf("text: %s (%zu chars)\n", text, strlen(text));
    show_positions(text, "at");
    show_positions("aaaa", "aa");
    printf("overlapping-free count of \"aa\" in aaaaa: %d\n", count_occurrences("aaaaa", "aa"));
    for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        char *r = replace_all(text, pairs[i][0], pairs[i][1]);
        if (r == NULL)
            return 2;
        printf("%-6s -> %-5s x%d: [%s] len %zu\n", pairs[i][0], pairs[i][1],
               count_occurrences(text, pairs[i][0]), r, strlen(r));
        free(r);
    }
    cur = malloc(strlen("abc") + 1);
    if (cur == NULL)
        return 2;
    strcpy(cur, "abc");
    for (i = 0; i < 4; i++) {
        next = replace_all(cur, "b", "bab");
        free(cur);
        if (next == NULL)
            return 2;
        cur = next;
        printf("step %zu: %s\n", i + 1, cur);
    }
    free(cur);
    dot = strrchr(fname, '.');
    printf("%s: extension %s, first dot at %td, last at %td\n", fname, dot + 1,
           strchr(fname, '.') - fname, dot - fname);
    return 0;
}
