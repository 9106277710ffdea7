/* rle_codec: run-length encodes strings into malloc'd buffers, decodes them back and reports ratios. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

/* "aaab" -> "3a1b"; runs longer than 9 are split. */
static char *rle_encode(const char *s)
{
    size_t len = strlen(s);
    char *out = malloc(2 * len + 1);
    char *w = out;
    const char *p = s, *run;
    if (out == NULL)
        return NULL;
    while (*p != '\0') {
        run = p;
        while (*p == *run && p - run < 9)
            p++;
        *w++ = (char)('0' + (p - run));
        *w++ = *run;
    }
    *w = '\0';
    return out;
}

static size_t decoded_length(const char *enc)
{
    size_t total = 0;
    for (; isdigit((unsigned char)enc[0]) && enc[1] != '\0'; enc += 2)
        total += (size_t)(enc[0] - '0');
    return total;
}

static char *rle_decode(const char *enc)
{
    size_t n = decoded_length(enc);
    char *out = malloc(n + 1);
    char *w = out;
    int k;
    if (out == NULL)
        return NULL;
    for (; enc[0] != '\0' && enc[1] != '\0'; enc += 2) {
        if (!isdigit((unsigned char)enc[0]))
            break;
        for (k = enc[0] - '0'; k > 0; k--)
            *w++ = enc[1];
    }
    *w = '\0';
    return out;
}

static int longest_run(const char *s, char *which)
{
    int best = 0, cur = 0;
    char prev = '\0';
    *which = '-';
    for (; *s; s++) {
        cur = (*s == prev) ? cur + 1 : 1;
        prev = *s;
        if (cur > best) {
            best = cur;
            *which = *s;
        }
    }
    return best;
}

int main(void)
{
    static const char *const samples[] = {
        "aaabccddddd",
        "abcdef",
        "zzzzzzzzzzzzzzzzzzzzzzzzz",
        "",
        "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW",
        "  ..  ",
    };
    size_t i;
    int failures = 0;
    size_t in_total = 0, out_total = 0;

    for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        const char *s = samples[i];
        char *enc = rle_encode(s);
        char *dec;
        char which;
        int run;
        if (enc == NULL)
            return 2;
        dec = rle_decode(enc);
        if (dec == NULL) {
            free(enc);
            return 2;
        }
        run = longest_run(s, &which);
        printf("\"%s\"\n  -> \"%s\"\n", s, enc);
        printf("  %zu -> %zu bytes", strlen(s), strlen(enc));
        if (strlen(s) > 0)
            printf(" (%zu%%)", strlen(enc) * 100 / strlen(s));
        printf(", longest run %d of '%c', round trip %s\n", run, which,
               strcmp(s, dec) == 0 ? "ok" : "FAILED");
        if (strcmp(s, dec) != 0)
            failures++;
        in_total += strlen(s);
        out_total += strlen(enc);
        free(dec);
        free(enc);
    }
    printf("total %zu -> %zu bytes, %d failures\n", in_total, out_total, failures);
    {
        char *d = rle_decode("3x2y1z5-");
        if (d == NULL)
            return 2;
        printf("decode \"3x2y1z5-\" = \"%s\" (%zu)\n", d, decoded_length("3x2y1z5-"));
        free(d);
    }
    return failures;
}
