/* Exercises: functions that return a pointer into their argument or NULL: skip_spaces,
 * a hand-written strstr, find_last_of, starts_with returning the rest of the string, and a
 * "key: value" header parser that hands back pointers and lengths into the input line.
 * Original program written for this corpus. */
#include <stdio.h>
#include <string.h>

static const char *skip_spaces(const char *s) {
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

static const char *find_sub(const char *hay, const char *needle) {
    if (*needle == '\0')
        return hay;
    for (; *hay; hay++) {
        const char *h = hay, *n = needle;
        while (*h && *n && *h == *n) {
            h++;
            n++;
        }
        if (*n == '\0')
            return hay;
    }
    return NULL;
}

static const char *find_last_of(const char *s, const char *set) {
    const char *last = NULL;
    for (; *s; s++)
        if (strchr(set, *s))
            last = s;
    return last;
}

/* returns the text after prefix, or NULL when s does not start with it */
static const char *after_prefix(const char *s, const char *prefix) {
    size_t n = strlen(prefix);
    return strncmp(s, prefix, n) == 0 ? s + n : NULL;
}

static int parse_header(const char *line, const char **key, int *klen, const char **val) {
    const char *colon = strchr(line, ':');
    if (!colon)
        return 0;
    const char *k = skip_spaces(line);
    const char *kend = colon;
    while (kend > k && kend[-1] == ' ')
        kend--;
    if (kend == k)
        return 0;
    *key = k;
    *klen = (int)(kend - k);
    *val = skip_spaces(colon + 1);
    return 1;
}

int main(void) {
    const char *samples[] = {"   indented", "\t\ttabs", "none", "    "};
    for (int i = 0; i < 4; i++) {
        const char *s = skip_spaces(samples[i]);
        printf("skip: offset %d rest \"%s\"\n", (int)(s - samples[i]), s);
    }

    const char *hay = "the cat sat on the mat with the hat";
    const char *needles[] = {"the", "at w", "hat", "dog", "", "mat with the hat!"};
    for (int i = 0; i < 6; i++) {
        const char *mine = find_sub(hay, needles[i]);
        const char *lib = strstr(hay, needles[i]);
        if (mine)
            printf("find \"%s\": at %d, agrees=%d\n", needles[i], (int)(mine - hay), mine == lib);
        else
            printf("find \"%s\": NULL, agrees=%d\n", needles[i], lib == NULL);
    }

    int count = 0;
    for (const char *p = find_sub(hay, "at"); p; p = find_sub(p + 1, "at"))
        count++;
    printf("\"at\" occurs %d times\n", count);

    const char *last = find_last_of(hay, "cm");
    printf("last of {c,m}: %s\n", last ? last : "(none)");
    printf("last of {z}: %s\n", find_last_of(hay, "z") ? "found" : "(none)");

    const char *urls[] = {"https://example.org/a", "http://old.example", "ftp://x"};
    for (int i = 0; i < 3; i++) {
        const char *rest = after_prefix(urls[i], "https://");
        if (!rest)
            rest = after_prefix(urls[i], "http://");
        printf("host part of %s: %s\n", urls[i], rest ? rest : "unsupported");
    }

    const char *headers[] = {"Content-Type: text/plain", "  X-Count :   42",
                             "broken header", ": empty key", "Host:example.org"};
    for (int i = 0; i < 5; i++) {
        const char *key, *val;
        int klen;
        if (parse_header(headers[i], &key, &klen, &val))
            printf("header [%.*s] = [%s]\n", klen, key, val);
        else
            printf("header rejected: \"%s\"\n", headers[i]);
    }
    return 0;
}
