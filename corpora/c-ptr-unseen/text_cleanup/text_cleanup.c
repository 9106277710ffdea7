/* text_cleanup: in-place string edits with read and write pointers (collapse, strip, reverse words, capitalise). Original program written for this measurement set. */
#include <stdio.h>
#include <string.h>
#include <ctype.h>

static void collapse_spaces(char *s)
{
    char *w = s;
    const char *r;
    int in_space = 1; /* drops leading blanks */
    for (r = s; *r != '\0'; r++) {
        if (isspace((unsigned char)*r)) {
            if (!in_space)
                *w++ = ' ';
            in_space = 1;
        } else {
            *w++ = *r;
            in_space = 0;
        }
    }
    if (w > s && w[-1] == ' ')
        w--;
    *w = '\0';
}

static size_t remove_chars(char *s, const char *set)
{
    char *w = s;
    char *r;
    for (r = s; *r != '\0'; r++)
        if (strchr(set, *r) == NULL)
            *w++ = *r;
    *w = '\0';
    return (size_t)(r - w);
}

static void reverse_range(char *a, char *b) /* reverses [a, b) */
{
    while (b - a > 1) {
        char t;
        b--;
        t = *a;
        *a = *b;
        *b = t;
        a++;
    }
}

static void reverse_words(char *s)
{
    char *p = s, *start;
    char *end = s + strlen(s);
    reverse_range(s, end);
    while (p < end) {
        while (p < end && *p == ' ')
            p++;
        start = p;
        while (p < end && *p != ' ')
            p++;
        reverse_range(start, p);
    }
}

static int capitalize_sentences(char *s)
{
    int changed = 0, at_start = 1;
    for (; *s; s++) {
        if (at_start && isalpha((unsigned char)*s)) {
            if (islower((unsigned char)*s)) {
                *s = (char)toupper((unsigned char)*s);
                changed++;
            }
            at_start = 0;
        } else if (*s == '.' || *s == '!' || *s == '?') {
            at_start = 1;
        }
    }
    return changed;
}

static void strip_comment(char *s)
{
    char *c = strstr(s, "//");
    if (c != NULL)
        *c = '\0';
}

int main(void)
{
    char lines[][64] = {
        "   hello    world,  this is   C.   ",
        "the quick brown fox.  it jumps!  really?yes",
        "x = y + 1;   // increment y into x",
        "\tTabs\tand\nnewlines   mixed  ",
        "",
        "one",
    };
    size_t n = sizeof lines / sizeof lines[0];
    size_t i, removed;
    int caps;

    for (i = 0; i < n; i++) {
        char *s = lines[i];
        strip_comment(s);
        collapse_spaces(s);
        printf("[%s] len=%zu\n", s, strlen(s));
        caps = capitalize_sentences(s);
        printf("  capitalised %d: [%s]\n", caps, s);
        reverse_words(s);
        printf("  reversed words: [%s]\n", s);
        removed = remove_chars(s, ",.!?;");
        printf("  removed %zu punct: [%s]\n", removed, s);
    }
    return 0;
}
