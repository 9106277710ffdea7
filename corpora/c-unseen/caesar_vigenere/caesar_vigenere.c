#include <stdio.h>
#include <string.h>
#include <ctype.h>

#define MAXLEN 128

static void caesar(const char *in, char *out, int shift)
{
    size_t n = strlen(in);
    size_t i;
    int s = ((shift % 26) + 26) % 26;
    for (i = 0; i < n; i++) {
        char c = in[i];
        if (isupper((unsigned char)c)) {
            out[i] = (char)('A' + (c - 'A' + s) % 26);
        } else if (islower((unsigned char)c)) {
            out[i] = (char)('a' + (c - 'a' + s) % 26);
        } else {
            out[i] = c;
        }
    }
    out[n] = '\0';
}

static void vigenere(const char *in, char *out, const char *key, int decrypt)
{
    size_t n = strlen(in);
    size_t klen = strlen(key);
    size_t i, k = 0;
    for (i = 0; i < n; i++) {
        char c = in[i];
        if (isalpha((unsigned char)c)) {
            int shift = tolower((unsigned char)key[k % klen]) - 'a';
            char base = isupper((unsigned char)c) ? 'A' : 'a';
            if (decrypt)
                shift = 26 - shift;
            out[i] = (char)(base + (c - base + shift) % 26);
            k++;
        } else {
            out[i] = c;
        }
    }
    out[n] = '\0';
}

static int letter_score(const char *s)
{
    /* rough English-likeness: count of common letters */
    const char *common = "etaoinshr";
    int score = 0;
    size_t i;
    for (i = 0; s[i] != '\0'; i++) {
        if (strchr(common, tolower((unsigned char)s[i])) != NULL && isalpha((unsigned char)s[i]))
            score++;
    }
    return score;
}

int main(void)
{
    const char *messages[] = {
        "Hello, World!",
        "The quick brown fox jumps over the lazy dog.",
        "Attack at dawn",
        "ZEBRA zebra 123",
    };
    const char *keys[] = { "LEMON", "key", "Secret", "abc" };
    char enc[MAXLEN], dec[MAXLEN];
    int i, shift;

    puts("== Caesar ==");
    for (i = 0; i < 4; i++) {
        shift = 3 + i * 7;
        caesar(messages[i], enc, shift);
        caesar(enc, dec, -shift);
        printf("%2d: %-46s -> %s\n", shift, messages[i], enc);
        printf("    round trip %s\n", strcmp(dec, messages[i]) == 0 ? "ok" : "FAILED");
    }

    puts("== Vigenere ==");
    for (i = 0; i < 4; i++) {
        vigenere(messages[i], enc, keys[i], 0);
        vigenere(enc, dec, keys[i], 1);
        printf("key %-7s %s\n", keys[i], enc);
        printf("           %s\n", dec);
    }

    puts("== Brute force ==");
    caesar("Meet me near the old oak tree", enc, 11);
    printf("cipher: %s\n", enc);
    {
        int best = 0, best_score = -1;
        for (shift = 0; shift < 26; shift++) {
            int sc;
            caesar(enc, dec, -shift);
            sc = letter_score(dec);
            if (sc > best_score) {
                best_score = sc;
                best = shift;
            }
            if (shift % 5 == 0)
                printf("  shift %2d score %2d %.20s\n", shift, sc, dec);
        }
        caesar(enc, dec, -best);
        printf("best shift %d (score %d): %s\n", best, best_score, dec);
    }
    return 0;
}
