/* Exercises: plain char signedness (signed on x86-64 gcc), signed char vs
 * unsigned char, character arithmetic ('a' + n), chars as small integers in
 * arrays, and printing chars with %c and %d. Original program written for this corpus. */
#include <stdio.h>

static int is_lower(char c) { return c >= 'a' && c <= 'z'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

static char to_upper(char c) {
    if (is_lower(c))
        return (char)(c - 'a' + 'A');
    return c;
}

static char caesar(char c, int k) {
    if (is_lower(c))
        return (char)('a' + (c - 'a' + k) % 26);
    return c;
}

int main(void) {
    char plain = (char)200;
    signed char sc = (signed char)200;
    unsigned char uc = 200;
    printf("plain=%d sc=%d uc=%d\n", plain, sc, uc);
    printf("plain<0: %d uc>127: %d\n", plain < 0, uc > 127);

    char text[] = "hello, world 42!";
    int n = (int)sizeof(text) - 1;
    int digits = 0, lowers = 0;
    for (int i = 0; i < n; i++) {
        if (is_digit(text[i]))
            digits++;
        if (is_lower(text[i]))
            lowers++;
        putchar(to_upper(text[i]));
    }
    putchar('\n');
    printf("digits=%d lowers=%d len=%d\n", digits, lowers, n);

    for (int i = 0; i < n; i++)
        putchar(caesar(text[i], 13));
    putchar('\n');

    char alphabet[27];
    for (int i = 0; i < 26; i++)
        alphabet[i] = (char)('z' - i);
    alphabet[26] = '\0';
    printf("%s\n", alphabet);

    int sum = 0;
    for (char c = 'A'; c <= 'Z'; c++)
        sum += c;
    printf("sum A..Z = %d\n", sum);

    char hi = (char)0x7f;
    hi = (char)(hi + 1);            /* int 128 narrowed to char: -128 */
    printf("hi=%d as uchar=%u\n", hi, (unsigned)(unsigned char)hi);

    signed char neg[4] = {-1, -128, 127, 0};
    for (int i = 0; i < 4; i++)
        printf("[%d %u %x] ", neg[i], (unsigned char)neg[i], (unsigned char)neg[i]);
    printf("\n%c%c%c%c\n", 'O', 'K', 33, '\n' + 0x17);
    return 0;
}
