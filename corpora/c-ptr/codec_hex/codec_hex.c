/* Exercises: hex encoding and decoding between byte buffers and text: a `const unsigned
 * char *` walk writing two digits per byte through `*out++`, decoding that rejects bad input
 * by returning NULL, a malloc'd round trip, and a classic 16-bytes-per-line hex dump.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char digits[] = "0123456789abcdef";

static char *hex_encode(const unsigned char *p, size_t n) {
    char *out = malloc(2 * n + 1);
    if (!out)
        return NULL;
    char *w = out;
    for (const unsigned char *end = p + n; p < end; p++) {
        *w++ = digits[*p >> 4];
        *w++ = digits[*p & 0xF];
    }
    *w = '\0';
    return out;
}

static int nibble(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* returns a malloc'd buffer and its length, or NULL on odd length / bad digit */
static unsigned char *hex_decode(const char *s, size_t *n) {
    size_t len = strlen(s);
    if (len % 2)
        return NULL;
    unsigned char *out = malloc(len / 2 + 1);
    if (!out)
        return NULL;
    unsigned char *w = out;
    for (; *s; s += 2) {
        int hi = nibble(s[0]), lo = nibble(s[1]);
        if (hi < 0 || lo < 0) {
            free(out);
            return NULL;
        }
        *w++ = (unsigned char)(hi << 4 | lo);
    }
    *n = (size_t)(w - out);
    return out;
}

static void hex_dump(const unsigned char *buf, size_t n) {
    for (size_t off = 0; off < n; off += 16) {
        const unsigned char *row = buf + off;
        size_t cnt = n - off < 16 ? n - off : 16;
        printf("%04zx ", off);
        for (size_t i = 0; i < 16; i++) {
            if (i < cnt)
                printf(" %02x", row[i]);
            else
                printf("   ");
        }
        printf("  |");
        for (const unsigned char *p = row; p < row + cnt; p++)
            putchar(*p >= 32 && *p < 127 ? *p : '.');
        printf("|\n");
    }
}

int main(void) {
    const char *texts[] = {"", "A", "Hi!", "pointer\n\t\x01\xff"};
    for (int i = 0; i < 4; i++) {
        size_t n = strlen(texts[i]);
        char *hex = hex_encode((const unsigned char *)texts[i], n);
        if (!hex)
            return 1;
        size_t m = 0;
        unsigned char *back = hex_decode(hex, &m);
        printf("\"%s\" -> %s (round trip %s)\n", i == 3 ? "pointer..." : texts[i], hex,
               back && m == n && memcmp(back, texts[i], n) == 0 ? "ok" : "FAILED");
        free(back);
        free(hex);
    }

    const char *bad[] = {"abc", "zz", "0G", "DEADbeef"};
    for (int i = 0; i < 4; i++) {
        size_t m = 0;
        unsigned char *d = hex_decode(bad[i], &m);
        if (d) {
            printf("decode %s: %zu bytes, sum %d\n", bad[i], m, d[0] + d[m - 1]);
            free(d);
        } else {
            printf("decode %s: rejected\n", bad[i]);
        }
    }

    unsigned char block[40];
    for (unsigned i = 0; i < sizeof block; i++)
        block[i] = (unsigned char)(i * 37u + 60u);
    memcpy(block + 20, "ptr->next", 9);
    hex_dump(block, sizeof block);
    return 0;
}
