/* Exercises: editing strings in place through `char *`: reverse with two pointers, upcase and
 * title-case by walking, trimming by moving the text left with memmove and cutting the end,
 * collapsing runs of spaces with read/write pointers, and reversing each word.
 * Original program written for this corpus. */
#include <stdio.h>
#include <string.h>

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

static void reverse_range(char *lo, char *hi) { /* [lo, hi) */
    while (lo < hi) {
        char t = *lo;
        *lo++ = *--hi;
        *hi = t;
    }
}

static char *upcase(char *s) {
    for (char *p = s; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = (char)(*p - 'a' + 'A');
    return s;
}

static void title_case(char *s) {
    int start = 1;
    for (; *s; s++) {
        if (is_space(*s)) {
            start = 1;
        } else {
            if (start && *s >= 'a' && *s <= 'z')
                *s = (char)(*s - 32);
            else if (!start && *s >= 'A' && *s <= 'Z')
                *s = (char)(*s + 32);
            start = 0;
        }
    }
}

static char *trim(char *s) {
    char *start = s;
    while (is_space(*start))
        start++;
    size_t len = strlen(start);
    char *end = start + len;
    while (end > start && is_space(end[-1]))
        end--;
    *end = '\0';
    memmove(s, start, (size_t)(end - start) + 1);
    return s;
}

static void collapse_spaces(char *s) {
    char *w = s;
    for (const char *r = s; *r; r++)
        if (!(*r == ' ' && w > s && w[-1] == ' '))
            *w++ = *r;
    *w = '\0';
}

static void reverse_words(char *s) {
    char *p = s;
    while (*p) {
        while (*p == ' ')
            p++;
        char *word = p;
        while (*p && *p != ' ')
            p++;
        reverse_range(word, p);
    }
}

int main(void) {
    const char *inputs[] = {"  hello   pointer  world \t", "\tsingle\n", "", "   ",
                            "mIxEd CaSe    wOrDs here", "a b  c   d"};
    for (int i = 0; i < 6; i++) {
        char buf[64];
        strcpy(buf, inputs[i]);
        trim(buf);
        printf("[%s] trimmed len=%zu\n", buf, strlen(buf));
        collapse_spaces(buf);
        printf("  collapsed: [%s]\n", buf);
        char copy[64];
        strcpy(copy, buf);
        printf("  upper: [%s]\n", upcase(copy));
        strcpy(copy, buf);
        title_case(copy);
        printf("  title: [%s]\n", copy);
        reverse_range(copy, copy + strlen(copy));
        printf("  reversed: [%s]\n", copy);
        reverse_words(copy);
        printf("  words reversed back: [%s]\n", copy);
    }
    return 0;
}
