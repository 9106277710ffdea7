#include <stdio.h>
#include <string.h>
#include <ctype.h>

static const char digits[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/* print an unsigned value in the given base with putchar, recursively */
static void put_base(unsigned long v, unsigned base)
{
    if (v >= base)
        put_base(v / base, base);
    putchar(digits[v % base]);
}

static void put_signed(long v, unsigned base)
{
    if (v < 0) {
        putchar('-');
        put_base((unsigned long)(-(v + 1)) + 1u, base);
    } else {
        put_base((unsigned long)v, base);
    }
}

/* parse text in a base; returns -1 on a bad digit */
static long parse_base(const char *s, unsigned base)
{
    long v = 0;
    size_t i;
    for (i = 0; s[i] != '\0'; i++) {
        int c = toupper((unsigned char)s[i]);
        long d = 0;
        while (digits[d] != '\0' && digits[d] != c)
            d++;
        if (digits[d] == '\0' || d >= (long)base)
            return -1;
        v = v * (long)base + d;
    }
    return v;
}

/* write into a buffer, padded to width with zeros */
static void to_padded(unsigned v, unsigned base, int width, char *out)
{
    char tmp[40];
    int n = 0, i;
    do {
        tmp[n++] = digits[v % base];
        v /= base;
    } while (v > 0);
    for (i = 0; i < width - n; i++)
        out[i] = '0';
    for (; n > 0; n--)
        out[i++] = tmp[n - 1];
    out[i] = '\0';
}

int main(void)
{
    static const long values[] = { 0, 7, 255, 1000, 65535, -42, 123456789, -1 };
    static const unsigned bases[] = { 2, 8, 10, 16, 36 };
    static const char *inputs[] = { "ff", "777", "101101", "zz", "12G", "Hello" };
    static const unsigned in_bases[] = { 16, 8, 2, 36, 16, 36 };
    char buf[40];
    size_t i, j;

    printf("%11s", "value");
    for (j = 0; j < sizeof bases / sizeof bases[0]; j++)
        printf("  base%-2u", bases[j]);
    putchar('\n');
    for (i = 0; i < sizeof values / sizeof values[0]; i++) {
        printf("%11ld", values[i]);
        for (j = 0; j < sizeof bases / sizeof bases[0]; j++) {
            putchar(' ');
            putchar(' ');
            put_signed(values[i], bases[j]);
        }
        putchar('\n');
    }

    for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        long v = parse_base(inputs[i], in_bases[i]);
        printf("parse \"%s\" base %u -> %ld", inputs[i], in_bases[i], v);
        if (v >= 0) {
            printf(" = 0x");
            put_base((unsigned long)v, 16);
        }
        putchar('\n');
    }

    for (i = 0; i < 8; i++) {
        to_padded((unsigned)(i * 37u), 2, 8, buf);
        printf("%3u %s ", (unsigned)(i * 37u), buf);
        to_padded((unsigned)(i * 37u), 3, 6, buf);
        printf("%s\n", buf);
    }
    return 0;
}
