/* Checksums over unsigned char buffers: table-driven CRC-32, bitwise
 * CRC-16/CCITT, Adler-32, Fletcher-16, and the Luhn check digit. */
#include <stdio.h>
#include <stdint.h>
#include <string.h>

static uint32_t crc_table[256];

static void make_crc_table(void)
{
    uint32_t n, c;
    int k;
    for (n = 0; n < 256; n++) {
        c = n;
        for (k = 0; k < 8; k++)
            c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
}

static uint32_t crc32(const unsigned char *buf, size_t len)
{
    uint32_t c = 0xFFFFFFFFu;
    size_t i;
    for (i = 0; i < len; i++)
        c = crc_table[(c ^ buf[i]) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

static uint16_t crc16_ccitt(const unsigned char *buf, size_t len)
{
    uint16_t crc = 0xFFFF;
    size_t i;
    int b;
    for (i = 0; i < len; i++) {
        crc ^= (uint16_t)(buf[i] << 8);
        for (b = 0; b < 8; b++)
            crc = (crc & 0x8000) ? (uint16_t)((crc << 1) ^ 0x1021) : (uint16_t)(crc << 1);
    }
    return crc;
}

static uint32_t adler32(const unsigned char *buf, size_t len)
{
    uint32_t a = 1, b = 0;
    size_t i;
    for (i = 0; i < len; i++) {
        a = (a + buf[i]) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

static uint16_t fletcher16(const unsigned char *buf, size_t len)
{
    uint16_t s1 = 0, s2 = 0;
    size_t i;
    for (i = 0; i < len; i++) {
        s1 = (uint16_t)((s1 + buf[i]) % 255);
        s2 = (uint16_t)((s2 + s1) % 255);
    }
    return (uint16_t)((s2 << 8) | s1);
}

static int luhn_valid(const char *digits)
{
    int sum = 0, alt = 0;
    size_t i = strlen(digits);
    while (i-- > 0) {
        int d = digits[i] - '0';
        if (alt) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        alt = !alt;
    }
    return sum % 10 == 0;
}

int main(void)
{
    const char *messages[] = { "", "a", "abc", "123456789", "The quick brown fox jumps over the lazy dog" };
    const char *cards[] = { "4539578763621486", "1234567812345678", "79927398713", "0" };
    unsigned char block[64];
    size_t i;

    make_crc_table();
    printf("crc_table[1]=%08x crc_table[255]=%08x\n", crc_table[1], crc_table[255]);
    for (i = 0; i < sizeof messages / sizeof messages[0]; i++) {
        const unsigned char *m = (const unsigned char *)messages[i];
        size_t len = strlen(messages[i]);
        printf("%-12.12s len=%2zu crc32=%08x crc16=%04x adler=%08x fletcher=%04x\n", messages[i],
               len, crc32(m, len), crc16_ccitt(m, len), adler32(m, len), fletcher16(m, len));
    }
    for (i = 0; i < sizeof block; i++)
        block[i] = (unsigned char)(i * 37 + 11);
    printf("block crc32=%08X\n", crc32(block, sizeof block));
    block[10] ^= 0x01;
    printf("flipped bit crc32=%08X\n", crc32(block, sizeof block));
    for (i = 0; i < sizeof cards / sizeof cards[0]; i++)
        printf("luhn(%s) = %s\n", cards[i], luhn_valid(cards[i]) ? "valid" : "invalid");
    return 0;
}
