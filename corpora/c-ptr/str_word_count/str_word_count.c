/* Exercises: text statistics by walking a `const char *` over a multi-line paragraph: words,
 * lines, sentences, longest word (kept as a pointer plus length), letter histogram, and
 * counting a substring's occurrences with strstr.
 * Original program written for this corpus. */
#include <stdio.h>
#include <string.h>

static int is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static char lower(char c) { return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c; }

static int count_occurrences(const char *hay, const char *needle) {
    int n = 0;
    size_t step = strlen(needle);
    const char *p = hay;
    while ((p = strstr(p, needle)) != NULL) {
        n++;
        p += step;
    }
    return n;
}

static int word_eq(const char *w, int len, const char *lit) {
    return (int)strlen(lit) == len && strncmp(w, lit, (size_t)len) == 0;
}

int main(void) {
    const char *text =
        "A pointer is a variable that holds an address. Pointers let a\n"
        "program walk an array, build a list, or share a buffer!\n"
        "Is every pointer valid? No: a dangling pointer points at freed\n"
        "memory, and reading through it is undefined.\n";

    int words = 0, lines = 0, sentences = 0, letters = 0;
    const char *longest = NULL;
    int longest_len = 0;
    int hist[26] = {0};
    int the_a = 0;
    int in_word = 0;
    const char *word_start = text;

    for (const char *p = text;; p++) {
        char c = *p;
        if (is_alpha(c)) {
            if (!in_word) {
                in_word = 1;
                word_start = p;
                words++;
            }
            letters++;
            hist[lower(c) - 'a']++;
        } else {
            if (in_word) {
                int len = (int)(p - word_start);
                if (len > longest_len) {
                    longest_len = len;
                    longest = word_start;
                }
                if (word_eq(word_start, len, "a") || word_eq(word_start, len, "A"))
                    the_a++;
            }
            in_word = 0;
            if (c == '\n')
                lines++;
            if (c == '.' || c == '!' || c == '?')
                sentences++;
        }
        if (c == '\0')
            break;
    }

    printf("chars=%zu words=%d lines=%d sentences=%d letters=%d\n", strlen(text), words, lines,
           sentences, letters);
    if (longest)
        printf("longest word: %.*s (%d letters, offset %d)\n", longest_len, longest, longest_len,
               (int)(longest - text));
    printf("article 'a' appears %d times\n", the_a);
    printf("\"pointer\" substrings: %d, \"in\": %d, \"zz\": %d\n",
           count_occurrences(text, "pointer"), count_occurrences(text, "in"),
           count_occurrences(text, "zz"));

    printf("top letters:");
    for (int round = 0; round < 5; round++) {
        int best = 0;
        for (int i = 1; i < 26; i++)
            if (hist[i] > hist[best])
                best = i;
        printf(" %c=%d", 'a' + best, hist[best]);
        hist[best] = -1;
    }
    putchar('\n');

    const char *line = text;
    int ln = 1;
    const char *nl;
    while ((nl = strchr(line, '\n')) != NULL) {
        printf("line %d: %2d chars, starts \"%.6s\"\n", ln++, (int)(nl - line), line);
        line = nl + 1;
    }
    return 0;
}
