/* Exercises: base64 encoding and decoding (RFC 4648 alphabet, '=' padding) over byte buffers:
 * 3-byte groups read through a moving `const unsigned char *`, output written with `*w++`
 * into malloc'd buffers sized up front, a reverse lookup table, and rejection of bad input.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static char *b64_encode(const unsigned char *in, size_t n) {
    char *out = malloc((n + 2) / 3 * 4 + 1);
    if (!out)
        return NULL;
    char *w = out;
    const unsigned char *end = in + n;
    while (end - in >= 3) {
        unsigned v = (unsigned)in[0] << 16 | (unsigned)in[1] << 8 | in[2];
        *w++ = alphabet[v >> 18 & 63];
        *w++ = alphabet[v >> 12 & 63];
        *w++ = alphabet[v >> 6 & 63];
        *w++ = alphabet[v & 63];
        in += 3;
    }
    if (end - in > 0) {
        unsigned v = (unsigned)in[0] << 16;
        if (end - in == 2)
            v |= (unsigned)in[1] << 8;
        *w++ = alphabet[v >> 18 & 63];
        *w++ = alphabet[v >> 12 & 63];
        *w++ = end - in == 2 ? alphabet[v >> 6 & 63] : '=';
        *w++ = '=';
    }
    *w = '\0';
    return out;
}

static unsigned char *b64_decode(const char *s, size_t *outlen) {
    signed char rev[256];
    memset(rev, -1, sizeof rev);
    for (const char *a = alphabet; *a; a++)
        rev[(unsigned char)*a] = (signed char)(a - alphabet);
    size_t len = strlen(s);
    if (len % 4)
        return NULL;
    unsigned char *out = malloc(len / 4 * 3 + 1);
    if (!out)
        return NULL;
    unsigned char *w = out;
    for (const char *p = s; *p; p += 4) {
        int pad = (p[3] == '=') + (p[2] == '=');
        int last = p[4] == '\0';
        unsigned v = 0;
        for (int i = 0; i < 4; i++) {
            int d = i >= 4 - pad ? 0 : rev[(unsigned char)p[i]];
            if (d < 0 || (pad && !last) || (pad == 1 && p[2] == '=')) {
                free(out);
                return NULL;
            }
            v = v << 6 | (unsigned)d;
        }
        *w++ = (unsigned char)(v >> 16);
        if (pad < 2)
            *w++ = (unsigned char)(v >> 8 & 255);
        if (pad < 1)
            *w++ = (unsigned char)(v & 255);
    }
    *outlen = (size_t)(w - out);
    return out;
}

int main(void) {
    const char *texts[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar",
                           "Pointers are just addresses with a type."};
    for (int i = 0; i < 8; i++) {
        size_t n = strlen(texts[i]), m = 0;
        char *enc = b64_encode((const unsigned char *)texts[i], n);
        if (!enc)
            return 1;
        unsigned char *dec = b64_decode(enc, &m);
        int ok = dec && m == n && memcmp(dec, texts[i], n) == 0;
        printf("%-10.10s -> %s [%s]\n", texts[i], enc, ok ? "ok" : "FAILED");
        free(dec);
        free(enc);
    }

    unsigned char bytes[256];
    for (int i = 0; i < 256; i++)
        bytes[i] = (unsigned char)(255 - i);
    char *enc = b64_encode(bytes, sizeof bytes);
    if (!enc)
        return 1;
    size_t m = 0;
    unsigned char *dec = b64_decode(enc, &m);
    printf("256 bytes -> %zu chars, starts %.12s, ends %s, round trip %s\n", strlen(enc), enc,
           enc + strlen(enc) - 8, dec && m == 256 && memcmp(dec, bytes, 256) == 0 ? "ok" : "bad");
    free(dec);
    free(enc);

    const char *bad[] = {"abc", "ab=c", "a===", "ab==cd==", "Zm9v!mFy", "TWFu"};
    for (int i = 0; i < 6; i++) {
        unsigned char *d = b64_decode(bad[i], &m);
        if (d) {
            printf("decode %s: %zu bytes \"%.*s\"\n", bad[i], m, (int)m, (const char *)d);
            free(d);
        } else {
            printf("decode %s: rejected\n", bad[i]);
        }
    }
    return 0;
}
