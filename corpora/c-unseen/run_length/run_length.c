#include <stdio.h>
#include <string.h>

#define BUF 256

/* Encode "aaabcc" as "3a1b2c". Returns output length. */
static int rle_encode(const char *in, char *out)
{
    int i = 0, o = 0;
    while (in[i] != '\0') {
        char c = in[i];
        int run = 1;
        while (in[i + run] == c && run < 9)
            run++;
        out[o++] = (char)('0' + run);
        out[o++] = c;
        i += run;
    }
    out[o] = '\0';
    return o;
}

static int rle_decode(const char *in, char *out)
{
    int i = 0, o = 0;
    while (in[i] != '\0' && in[i + 1] != '\0') {
        int run = in[i] - '0';
        int k;
        for (k = 0; k < run; k++)
            out[o++] = in[i + 1];
        i += 2;
    }
    out[o] = '\0';
    return o;
}

/* Byte-oriented RLE on numbers: pairs (count, value). */
struct run {
    int count;
    int value;
};

static int runs_of(const int *data, int n, struct run *runs)
{
    int i, nr = 0;
    for (i = 0; i < n; i++) {
        if (nr > 0 && runs[nr - 1].value == data[i]) {
            runs[nr - 1].count++;
        } else {
            runs[nr].count = 1;
            runs[nr].value = data[i];
            nr++;
        }
    }
    return nr;
}

int main(void)
{
    const char *tests[] = {
        "aaabccddddd",
        "abcdef",
        "zzzzzzzzzzzzzzzzzzzz",
        "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW",
        "",
        "aabbaabb",
    };
    int ntests = (int)(sizeof tests / sizeof tests[0]);
    char enc[BUF], dec[BUF];
    int t, failures = 0;
    int pixels[] = { 0, 0, 0, 1, 1, 0, 0, 0, 0, 2, 2, 2, 2, 2, 1, 0, 0, 7 };
    struct run runs[32];
    int nr, i;
    long total = 0;

    for (t = 0; t < ntests; t++) {
        int elen = rle_encode(tests[t], enc);
        int dlen = rle_decode(enc, dec);
        int inlen = (int)strlen(tests[t]);
        int same = strcmp(dec, tests[t]) == 0;
        if (!same)
            failures++;
        printf("[%d] in=%2d enc=%2d dec=%2d %s\n", t, inlen, elen, dlen, same ? "ok" : "MISMATCH");
        printf("    \"%s\"\n", enc);
        if (inlen > 0)
            printf("    ratio %d%%\n", elen * 100 / inlen);
        total += elen;
    }
    printf("total encoded bytes: %ld, failures: %d\n", total, failures);

    nr = runs_of(pixels, (int)(sizeof pixels / sizeof pixels[0]), runs);
    printf("%d runs:", nr);
    for (i = 0; i < nr; i++)
        printf(" (%d x %d)", runs[i].count, runs[i].value);
    putchar('\n');
    for (i = 0; i < nr; i++) {
        int k;
        for (k = 0; k < runs[i].count; k++)
            putchar(runs[i].value == 0 ? '.' : (char)('0' + runs[i].value));
    }
    putchar('\n');
    return failures;
}
