/* Exercises: run-length encoding of a byte buffer with runs drawn from an LCG into
 * (count, byte) pairs with a 255 cap, decoding back, a round-trip check, and checksums;
 * nested loops with data-dependent trip counts over unsigned char arrays.
 * Original program written for this corpus. */
#include <stdio.h>

#define LEN 200000
#define CODE 400002
#define ROUNDS 320

static unsigned int seed = 2024u;

static unsigned int next(void) {
    seed = seed * 1664525u + 1013904223u;
    return seed >> 8;
}

static int generate(unsigned char buf[], int n) {
    int i = 0;
    int runs = 0;
    while (i < n) {
        unsigned int r = next();
        int len = (r & 7u) == 0 ? (int)(r % 300u) + 1 : (int)(r % 6u) + 1;
        unsigned char b = (unsigned char)((r >> 12) & 3u);
        for (int k = 0; k < len && i < n; k++)
            buf[i++] = b;
        runs++;
    }
    return runs;
}

static int encode(const unsigned char in[], int n, unsigned char out[]) {
    int o = 0;
    int i = 0;
    while (i < n) {
        unsigned char b = in[i];
        int run = 1;
        while (i + run < n && in[i + run] == b && run < 255)
            run++;
        out[o] = (unsigned char)run;
        out[o + 1] = b;
        o += 2;
        i += run;
    }
    return o;
}

static int decode(const unsigned char in[], int n, unsigned char out[]) {
    int o = 0;
    for (int i = 0; i + 1 < n; i += 2) {
        int run = in[i];
        for (int k = 0; k < run; k++)
            out[o + k] = in[i + 1];
        o += run;
    }
    return o;
}

int main(void) {
    static unsigned char data[LEN];
    static unsigned char code[CODE];
    static unsigned char back[LEN];
    unsigned int sum = 0;
    long coded = 0;
    int runs = 0, bad = 0;
    for (int r = 0; r < ROUNDS; r++) {
        runs += generate(data, LEN);
        for (int pass = 0; pass < 3; pass++) {
            int n = encode(data, LEN - pass, code);
            int m = decode(code, n, back);
            coded += n;
            if (m != LEN - pass)
                bad++;
            for (int i = 0; i < m; i++) {
                if (back[i] != data[i])
                    bad++;
                sum = sum * 3u + back[i];
            }
        }
    }
    printf("codec_rle: runs %d coded %ld sum %u bad %d\n", runs, coded, sum, bad);
    return bad != 0;
}
