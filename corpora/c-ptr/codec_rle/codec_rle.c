/* Exercises: run-length coding into malloc'd buffers: a byte format of (count, value) pairs
 * sized for the worst case and then shrunk with realloc, its decoder that sizes the output
 * in a first pass, and a text format "3a2b" produced with snprintf into a moving pointer.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* pairs of (run length 1..255, byte); returns a buffer of *outlen bytes */
static unsigned char *rle_encode(const unsigned char *in, size_t n, size_t *outlen) {
    unsigned char *out = malloc(2 * n + 1);
    if (!out)
        return NULL;
    unsigned char *w = out;
    const unsigned char *end = in + n;
    while (in < end) {
        const unsigned char *run = in;
        while (in < end && *in == *run && in - run < 255)
            in++;
        *w++ = (unsigned char)(in - run);
        *w++ = *run;
    }
    *outlen = (size_t)(w - out);
    unsigned char *fit = realloc(out, *outlen + 1);
    return fit ? fit : out;
}

static unsigned char *rle_decode(const unsigned char *in, size_t n, size_t *outlen) {
    size_t total = 0;
    for (const unsigned char *p = in; p + 1 < in + n; p += 2)
        total += *p;
    unsigned char *out = malloc(total + 1);
    if (!out)
        return NULL;
    unsigned char *w = out;
    for (const unsigned char *p = in; p + 1 < in + n; p += 2) {
        memset(w, p[1], p[0]);
        w += p[0];
    }
    *outlen = total;
    return out;
}

static void rle_text(const char *s, char *out, size_t cap) {
    char *w = out, *end = out + cap;
    *w = '\0';
    while (*s) {
        const char *run = s;
        while (*s == *run)
            s++;
        int k = snprintf(w, (size_t)(end - w), "%d%c", (int)(s - run), *run);
        if (k < 0 || k >= end - w)
            break;
        w += k;
    }
}

int main(void) {
    const char *texts[] = {"aaabccddddde", "abc", "", "zzzzzzzzzzzzzzzzzzzz", "aabbaabb"};
    for (int i = 0; i < 5; i++) {
        size_t n = strlen(texts[i]), m = 0, k = 0;
        unsigned char *enc = rle_encode((const unsigned char *)texts[i], n, &m);
        if (!enc)
            return 1;
        unsigned char *dec = rle_decode(enc, m, &k);
        char text[64];
        rle_text(texts[i], text, sizeof text);
        printf("\"%s\": %zu -> %zu bytes, text \"%s\", round trip %s\n", texts[i], n, m, text,
               dec && k == n && memcmp(dec, texts[i], n) == 0 ? "ok" : "FAILED");
        free(dec);
        free(enc);
    }

    /* a long run must be split at 255 */
    size_t big = 600;
    unsigned char *img = malloc(big);
    if (!img)
        return 1;
    memset(img, 0, big);
    memset(img + 520, 7, 40);
    for (size_t i = 580; i < big; i++)
        img[i] = (unsigned char)(i % 3);
    size_t m = 0, k = 0;
    unsigned char *enc = rle_encode(img, big, &m);
    unsigned char *dec = enc ? rle_decode(enc, m, &k) : NULL;
    if (enc) {
        printf("image: %zu bytes -> %zu encoded; first pairs:", big, m);
        for (const unsigned char *p = enc; p < enc + m && p < enc + 12; p += 2)
            printf(" (%u,%u)", p[0], p[1]);
        printf("\nround trip %s\n", dec && k == big && memcmp(dec, img, big) == 0 ? "ok" : "bad");
    }
    free(dec);
    free(enc);
    free(img);

    char small[8];
    rle_text("aaaaaaaaaaaabbbbbbbbbbbbbcc", small, sizeof small);
    printf("truncated text form: \"%s\"\n", small);
    return 0;
}
