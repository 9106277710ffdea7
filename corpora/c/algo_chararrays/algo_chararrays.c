/* Exercises: hand-written string processing over char arrays (no string
 * library): length, reverse in place, word count, capitalising words,
 * palindrome check ignoring non-letters, run-length encoding into another
 * array, and character frequency tables. Original program written for this corpus. */
#include <stdio.h>

static int len(const char s[]) {
    int n = 0;
    while (s[n])
        n++;
    return n;
}

static void reverse(char s[]) {
    for (int i = 0, j = len(s) - 1; i < j; i++, j--) {
        char t = s[i];
        s[i] = s[j];
        s[j] = t;
    }
}

static int words(const char s[]) {
    int n = 0, in_word = 0;
    for (int i = 0; s[i]; i++) {
        if (s[i] == ' ')
            in_word = 0;
        else if (!in_word) {
            in_word = 1;
            n++;
        }
    }
    return n;
}

static void capitalise(char s[]) {
    for (int i = 0; s[i]; i++)
        if ((i == 0 || s[i - 1] == ' ') && s[i] >= 'a' && s[i] <= 'z')
            s[i] = (char)(s[i] - 32);
}

static int lower_letter(char c) {
    if (c >= 'A' && c <= 'Z')
        return c + 32;
    if (c >= 'a' && c <= 'z')
        return c;
    return 0;
}

static int palindrome(const char s[]) {
    int i = 0, j = len(s) - 1;
    while (i < j) {
        if (!lower_letter(s[i])) { i++; continue; }
        if (!lower_letter(s[j])) { j--; continue; }
        if (lower_letter(s[i]) != lower_letter(s[j]))
            return 0;
        i++;
        j--;
    }
    return 1;
}

static int rle(const char in[], char out[]) {
    int k = 0;
    for (int i = 0; in[i];) {
        int run = 1;
        while (in[i + run] == in[i] && run < 9)
            run++;
        out[k++] = in[i];
        out[k++] = (char)('0' + run);
        i += run;
    }
    out[k] = '\0';
    return k;
}

int main(void) {
    char s[] = "the quick brown fox jumps over the lazy dog";
    printf("len=%d words=%d\n", len(s), words(s));
    capitalise(s);
    printf("%s\n", s);
    reverse(s);
    printf("%s\n", s);

    char p1[] = "A man, a plan, a canal: Panama";
    char p2[] = "Not a palindrome";
    printf("p1=%d p2=%d\n", palindrome(p1), palindrome(p2));

    char raw[] = "aaabccddddddddddddeff";
    char enc[64];
    int n = rle(raw, enc);
    printf("rle=%s (%d chars)\n", enc, n);

    int freq[26] = {0};
    char text[] = "Mississippi River";
    for (int i = 0; text[i]; i++) {
        int c = lower_letter(text[i]);
        if (c)
            freq[c - 'a']++;
    }
    for (int i = 0; i < 26; i++)
        if (freq[i])
            printf("%c%d ", 'a' + i, freq[i]);
    printf("\n");
    return words(s);
}
