/* String exercises on char arrays: reversal, palindromes, word counting,
 * title case, ROT13, trimming, and a clamping string-to-int parser. */
#include <stdio.h>
#include <string.h>
#include <ctype.h>
#include <limits.h>
#include <stdbool.h>

static void reverse(char s[])
{
    size_t i = 0, j = strlen(s);
    while (j > i + 1) {
        char t = s[i];
        s[i++] = s[--j];
        s[j] = t;
    }
}

static bool is_palindrome(const char s[])
{
    int i = 0, j = (int)strlen(s) - 1;
    while (i < j) {
        if (!isalnum((unsigned char)s[i])) { i++; continue; }
        if (!isalnum((unsigned char)s[j])) { j--; continue; }
        if (tolower((unsigned char)s[i]) != tolower((unsigned char)s[j]))
            return false;
        i++;
        j--;
    }
    return true;
}

static int word_count(const char s[])
{
    int count = 0, in_word = 0, i;
    for (i = 0; s[i]; i++) {
        if (isspace((unsigned char)s[i]))
            in_word = 0;
        else if (!in_word) {
            in_word = 1;
            count++;
        }
    }
    return count;
}

static void title_case(char s[])
{
    int i, start = 1;
    for (i = 0; s[i] != '\0'; i++) {
        unsigned char c = (unsigned char)s[i];
        s[i] = (char)(start ? toupper(c) : tolower(c));
        start = isspace(c) || c == '-';
    }
}

static void rot13(char s[])
{
    int i;
    for (i = 0; s[i] != '\0'; i++) {
        char c = s[i];
        if (c >= 'a' && c <= 'z')
            s[i] = (char)('a' + (c - 'a' + 13) % 26);
        else if (c >= 'A' && c <= 'Z')
            s[i] = (char)('A' + (c - 'A' + 13) % 26);
    }
}

static void trim(char s[])
{
    size_t len = strlen(s), start = 0, i;
    while (len > 0 && isspace((unsigned char)s[len - 1]))
        s[--len] = '\0';
    while (isspace((unsigned char)s[start]))
        start++;
    for (i = 0; i <= len - start; i++)
        s[i] = s[start + i];
}

static int parse_int(const char s[], bool *overflow)
{
    long long v = 0;
    int i = 0, sign = 1;
    *overflow = false;
    while (isspace((unsigned char)s[i]))
        i++;
    if (s[i] == '+' || s[i] == '-')
        sign = s[i++] == '-' ? -1 : 1;
    for (; isdigit((unsigned char)s[i]); i++) {
        v = v * 10 + (s[i] - '0');
        if (sign * v > INT_MAX || sign * v < INT_MIN) {
            *overflow = true;
            return sign > 0 ? INT_MAX : INT_MIN;
        }
    }
    return (int)(sign * v);
}

int main(void)
{
    char buf[64] = "Hello, World";
    char title[] = "the quick brown fox jumps over the lazy dog's well-known den";
    char padded[] = "   \t  spaced out text \n  ";
    const char *pals[] = { "A man, a plan, a canal: Panama", "racecar", "hello", "", "No 'x' in Nixon" };
    const char *nums[] = { "42", "  -17", "+2147483647", "2147483648", "-2147483648", "-99999999999", "12abc", "abc" };
    size_t i;

    reverse(buf);
    printf("reversed: [%s] len %zu\n", buf, strlen(buf));
    reverse(buf);
    strcat(buf, "!!");
    printf("restored: [%s]\n", buf);
    for (i = 0; i < sizeof pals / sizeof pals[0]; i++)
        printf("%-32s palindrome=%d words=%d\n", pals[i], is_palindrome(pals[i]), word_count(pals[i]));
    title_case(title);
    printf("title: %s\n", title);
    rot13(title);
    printf("rot13: %s\n", title);
    rot13(title);
    printf("back : %.20s...\n", title);
    trim(padded);
    printf("trimmed: [%s] (%zu chars)\n", padded, strlen(padded));
    for (i = 0; i < sizeof nums / sizeof nums[0]; i++) {
        bool ovf;
        int v = parse_int(nums[i], &ovf);
        printf("parse %-15s -> %11d%s\n", nums[i], v, ovf ? " (clamped)" : "");
    }
    return 0;
}
