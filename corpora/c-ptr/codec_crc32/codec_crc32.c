/* Exercises: checksums over byte buffers walked with `const unsigned char *`: CRC-32
 * (reflected, polynomial 0xEDB88320) bit by bit and with a 256-entry table, incremental CRC
 * over chunks of the same buffer, Adler-32 and Fletcher-16, and detecting a flipped bit.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

static uint32_t table[256];

static void make_table(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
}

static uint32_t crc32_bitwise(const unsigned char *p, size_t n) {
    uint32_t crc = 0xFFFFFFFFu;
    while (n--) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

/* continues a running CRC: pass 0 to start, feed the result back for the next chunk */
static uint32_t crc32_update(uint32_t crc, const unsigned char *p, const unsigned char *end) {
    crc = ~crc;
    while (p < end)
        crc = table[(crc ^ *p++) & 0xFFu] ^ (crc >> 8);
    return ~crc;
}

static uint32_t adler32(const unsigned char *p, size_t n) {
    uint32_t a = 1, b = 0;
    for (const unsigned char *end = p + n; p < end; p++) {
        a = (a + *p) % 65521u;
        b = (b + a) % 65521u;
    }
    return b << 16 | a;
}

static uint16_t fletcher16(const unsigned char *p, size_t n) {
    uint16_t s1 = 0, s2 = 0;
    while (n-- > 0) {
        s1 = (uint16_t)((s1 + *p++) % 255);
        s2 = (uint16_t)((s2 + s1) % 255);
    }
    return (uint16_t)(s2 << 8 | s1);
}

int main(void) {
    make_table();
    printf("table[1]=%08x table[128]=%08x table[255]=%08x\n", (unsigned)table[1],
           (unsigned)table[128], (unsigned)table[255]);

    const char *texts[] = {"", "a", "abc", "123456789", "The quick brown fox jumps over the lazy dog"};
    for (int i = 0; i < 5; i++) {
        const unsigned char *p = (const unsigned char *)texts[i];
        size_t n = strlen(texts[i]);
        uint32_t c1 = crc32_bitwise(p, n);
        uint32_t c2 = crc32_update(0, p, p + n);
        printf("%-12.12s crc=%08x %s adler=%08x fletcher=%04x\n", texts[i], (unsigned)c1,
               c1 == c2 ? "same" : "DIFF", (unsigned)adler32(p, n), (unsigned)fletcher16(p, n));
    }

    unsigned char buf[1000];
    uint32_t x = 1;
    for (unsigned char *p = buf; p < buf + sizeof buf; p++) {
        x = x * 1664525u + 1013904223u;
        *p = (unsigned char)(x >> 24);
    }
    uint32_t whole = crc32_update(0, buf, buf + sizeof buf);
    size_t chunks[] = {1, 7, 64, 333};
    for (int i = 0; i < 4; i++) {
        uint32_t crc = 0;
        const unsigned char *p = buf, *end = buf + sizeof buf;
        while (p < end) {
            const unsigned char *stop = (size_t)(end - p) > chunks[i] ? p + chunks[i] : end;
            crc = crc32_update(crc, p, stop);
            p = stop;
        }
        printf("chunks of %3zu: %08x %s\n", chunks[i], (unsigned)crc,
               crc == whole ? "matches" : "MISMATCH");
    }

    int detected = 0;
    for (int bit = 0; bit < 64; bit++) {
        unsigned char *target = buf + bit * 15;
        *target ^= (unsigned char)(1u << (bit % 8));
        if (crc32_update(0, buf, buf + sizeof buf) != whole)
            detected++;
        *target ^= (unsigned char)(1u << (bit % 8));
    }
    printf("single-bit flips detected: %d/64, restored crc %08x\n", detected,
           (unsigned)crc32_update(0, buf, buf + sizeof buf));
    return 0;
}
