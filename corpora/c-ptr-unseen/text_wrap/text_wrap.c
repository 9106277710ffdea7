/* text_wrap: greedy word wrapping of a paragraph into malloc'd lines, then left, justified and centred layouts with a raggedness score. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct word {
    const char *start;
    int len;
};

static int split_words(const char *text, struct word **out)
{
    int n = 0, cap = 8;
    struct word *w = malloc((size_t)cap * sizeof *w);
    const char *p = text;
    while (w != NULL) {
        while (*p == ' ' || *p == '\n')
            p++;
        if (*p == '\0')
            break;
        if (n == cap) {
            struct word *bigger = realloc(w, (size_t)cap * 2 * sizeof *w);
            if (bigger == NULL) {
                free(w);
                w = NULL;
                break;
            }
            w = bigger;
            cap *= 2;
        }
        w[n].start = p;
        while (*p != '\0' && *p != ' ' && *p != '\n')
            p++;
        w[n].len = (int)(p - w[n].start);
        n++;
    }
    *out = w;
    return w != NULL ? n : -1;
}

/* Builds one output line from words [first, last) in a malloc'd buffer. */
static char *make_line(const struct word *first, const struct word *last, int width, int mode, int is_last)
{
    int letters = 0, gaps = (int)(last - first) - 1, pad, i;
    const struct word *w;
    char *line = malloc((size_t)width + (size_t)first->len + 2), *out = line;
    if (line == NULL)
        return NULL;
    for (w = first; w < last; w++)
        letters += w->len;
    pad = width - letters - gaps; /* spaces left over after single gaps */
    if (pad < 0)
        pad = 0;
    if (mode == 2)
        for (i = 0; i < pad / 2; i++)
            *out++ = ' ';
    for (w = first; w < last; w++) {
        memcpy(out, w->start, (size_t)w->len);
        out += w->len;
        if (w + 1 < last) {
            int extra = 0, k = (int)(w - first);
            if (mode == 1 && !is_last)
                extra = pad / gaps + (k < pad % gaps);
            for (i = 0; i <= extra; i++)
                *out++ = ' ';
        }
    }
    *out = '\0';
    return line;
}

static int wrap(const struct word *words, int n, int width, int mode)
{
    static const char *const names[] = { "left", "justified", "centred" };
    const struct word *first = words, *w, *end = words + n;
    long ragged = 0;
    int lines = 0;
    printf("%s, width %d:\n+%.*s+\n", names[mode], width, width,
           "------------------------------------------------------------");
    while (first < end) {
        int used = first->len;
        char *line;
        for (w = first + 1; w < end && used + 1 + w->len <= width; w++)
            used += 1 + w->len;
        line = make_line(first, w, width, mode, w == end);
        if (line == NULL)
            return -1;
        printf("|%-*s|\n", width, line);
        if (w != end)
            ragged += (long)(width - used) * (width - used);
        free(line);
        lines++;
        first = w;
    }
    printf("%d lines, raggedness %ld\n", lines, ragged);
    return lines;
}

int main(void)
{
    const char *text = "The quick brown fox jumps over the lazy dog. Pointers walk\n"
                       "through arrays one element at a time,   and every malloc must be\n"
                       "matched by exactly one free. Supercalifragilisticexpialidocious words "
                       "overflow narrow columns.";
    struct word *words;
    int n = split_words(text, &words), total = 0;

    if (n < 0)
        return 2;
    printf("%d words\n", n);
    if (wrap(words, n, 30, 0) < 0 || wrap(words, n, 30, 1) < 0 || wrap(words, n, 24, 2) < 0)
        total = -1;
    free(words);
    return total < 0 ? 2 : 0;
}
