#include <stdio.h>
#include <string.h>

#define MAXWORDS 64

static const char *text =
    "The quick brown fox jumps over the lazy dog while a very patient cat watches "
    "from the garden wall and wonders why anybody would ever want to jump over "
    "a sleeping dog at all.";

static char words[MAXWORDS][20];
static int nwords;

static void split(const char *s)
{
    int i = 0, len = 0;
    nwords = 0;
    for (;;) {
        char c = s[i++];
        if (c == ' ' || c == '\0') {
            if (len > 0) {
                words[nwords][len] = '\0';
                nwords++;
                len = 0;
            }
            if (c == '\0')
                break;
        } else if (len < 19) {
            words[nwords][len++] = c;
        }
    }
}

static void emit_line(int first, int last, int width, int justify)
{
    int chars = 0, gaps = last - first, i, spaces, extra;
    for (i = first; i <= last; i++)
        chars += (int)strlen(words[i]);
    putchar('|');
    if (!justify || gaps == 0) {
        int used = 0;
        for (i = first; i <= last; i++) {
            if (i > first) {
                putchar(' ');
                used++;
            }
            used += printf("%s", words[i]);
        }
        printf("%*s", width - used, "");
    } else {
        spaces = (width - chars) / gaps;
        extra = (width - chars) % gaps;
        for (i = first; i <= last; i++) {
            printf("%s", words[i]);
            if (i < last) {
                int k, n = spaces + (i - first < extra ? 1 : 0);
                for (k = 0; k < n; k++)
                    putchar(' ');
            }
        }
    }
    puts("|");
}

static int layout(int width)
{
    int first = 0, lines = 0;
    while (first < nwords) {
        int last = first;
        int len = (int)strlen(words[first]);
        while (last + 1 < nwords && len + 1 + (int)strlen(words[last + 1]) <= width) {
            last++;
            len += 1 + (int)strlen(words[last]);
        }
        emit_line(first, last, width, last + 1 < nwords);
        lines++;
        first = last + 1;
    }
    return lines;
}

static void centered(const char *s, int width)
{
    int len = (int)strlen(s);
    int left = (width - len) / 2;
    printf("[%*s%s%*s]\n", left, "", s, width - len - left, "");
}

int main(void)
{
    static const int widths[] = { 30, 22, 16 };
    int i, lines;

    split(text);
    printf("%d words\n", nwords);
    for (i = 0; i < 3; i++) {
        printf("width %d:\n", widths[i]);
        lines = layout(widths[i]);
        printf("(%d lines)\n", lines);
    }
    centered("THE END", 20);
    centered("fin", 20);
    centered("exactly twenty chars", 20);
    return 0;
}
