/* Text statistics: letter frequencies printed as horizontal and vertical
 * histograms with putchar, plus a word-length histogram. */
#include <stdio.h>
#include <ctype.h>

static const char text[] =
    "It was the best of times, it was the worst of times, it was the age of "
    "wisdom, it was the age of foolishness, it was the epoch of belief, it was "
    "the epoch of incredulity, it was the season of Light, it was the season of "
    "Darkness, it was the spring of hope, it was the winter of despair.";

static int letters[26];
static int word_lengths[16];

static void bar(int n, char c)
{
    while (n-- > 0)
        putchar(c);
}

int main(void)
{
    int i, total = 0, words = 0, len = 0, max = 0, sentences = 0, row;
    int most = 0;

    for (i = 0; text[i] != '\0'; i++) {
        unsigned char c = (unsigned char)text[i];
        if (isalpha(c)) {
            letters[tolower(c) - 'a']++;
            total++;
            len++;
        } else {
            if (len > 0) {
                word_lengths[len < 15 ? len : 15]++;
                words++;
            }
            len = 0;
            if (c == '.' || c == '!' || c == '?')
                sentences++;
        }
    }
    if (len > 0) {
        word_lengths[len < 15 ? len : 15]++;
        words++;
    }

    printf("%d letters, %d words, %d sentence(s)\n", total, words, sentences);
    for (i = 0; i < 26; i++) {
        if (letters[i] > max) {
            max = letters[i];
            most = i;
        }
    }
    printf("most common: '%c' (%d, %.1f%%)\n", 'a' + most, max, 100.0 * max / total);

    for (i = 0; i < 26; i++) {
        if (letters[i] == 0)
            continue;
        printf("%c %3d |", 'A' + i, letters[i]);
        bar(letters[i], '#');
        putchar('\n');
    }

    printf("word lengths:\n");
    max = 0;
    for (i = 1; i < 16; i++)
        if (word_lengths[i] > max)
            max = word_lengths[i];
    for (row = max; row >= 1; row--) {
        printf("%2d ", row);
        for (i = 1; i < 16; i++)
            printf("%s", word_lengths[i] >= row ? " # " : "   ");
        putchar('\n');
    }
    printf("   ");
    for (i = 1; i < 16; i++)
        printf("%2d ", i);
    putchar('\n');
    return 0;
}
