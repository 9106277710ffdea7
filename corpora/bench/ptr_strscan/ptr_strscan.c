/* Exercises: string scanning with char pointers over a generated text: word, line and
 * number counting with `*p` and `p++`, strlen/strchr/strncmp from <string.h>, and a
 * hand-written token walker; outside today's translator subset (pointer arithmetic,
 * <string.h>), listed by the bench as not translated.
 * Original program written for this corpus. */
#include <stdio.h>
#include <string.h>

#define LEN 400000
#define ROUNDS 180

static char text[LEN + 1];

static void generate(char *t, int n, unsigned int seed) {
    static const char *words[8] = {"alpha", "beta", "gamma", "delta", "42", "1999", "x", "end"};
    char *p = t;
    char *end = t + n - 12;
    while (p < end) {
        seed = seed * 1664525u + 1013904223u;
        const char *w = words[(seed >> 20) & 7u];
        while (*w)
            *p++ = *w++;
        *p++ = ((seed >> 8) & 15u) == 0 ? '\n' : ' ';
    }
    *p = '\0';
}

static int count_words(const char *p) {
    int n = 0, in = 0;
    for (; *p; p++) {
        if (*p == ' ' || *p == '\n')
            in = 0;
        else if (!in) {
            in = 1;
            n++;
        }
    }
    return n;
}

static long sum_numbers(const char *p) {
    long s = 0;
    while (*p) {
        if (*p >= '0' && *p <= '9') {
            long v = 0;
            while (*p >= '0' && *p <= '9')
                v = v * 10 + (*p++ - '0');
            s += v;
        } else {
            p++;
        }
    }
    return s;
}

static int count_lines(const char *t) {
    int n = 0;
    const char *p = t;
    while ((p = strchr(p, '\n')) != NULL) {
        n++;
        p++;
    }
    return n;
}

static int count_prefix(const char *p, const char *word) {
    size_t k = strlen(word);
    int n = 0;
    for (; *p; p++)
        if (strncmp(p, word, k) == 0)
            n++;
    return n;
}

int main(void) {
    long total = 0;
    for (int r = 0; r < ROUNDS; r++) {
        generate(text, LEN, (unsigned int)r * 31u + 5u);
        total += count_words(text) + sum_numbers(text) + count_lines(text);
        total += count_prefix(text, "gam") + (long)strlen(text);
    }
    printf("ptr_strscan: total %ld\n", total);
    return 0;
}
