/* Roman numerals: convert integers to Roman form and parse them back,
 * rejecting malformed numerals by round-tripping. */
#include <stdio.h>
#include <string.h>
#include <ctype.h>

static const int values[] = { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };
static const char *const symbols[] = { "M", "CM", "D", "CD", "C", "XC", "L",
                                       "XL", "X", "IX", "V", "IV", "I" };

static int to_roman(int n, char out[], int cap)
{
    int len = 0;
    size_t i;
    if (n <= 0 || n >= 4000)
        return -1;
    for (i = 0; i < sizeof values / sizeof values[0]; i++) {
        while (n >= values[i]) {
            const char *s = symbols[i];
            int k;
            for (k = 0; s[k] != '\0'; k++) {
                if (len + 1 >= cap)
                    return -1;
                out[len++] = s[k];
            }
            n -= values[i];
        }
    }
    out[len] = '\0';
    return len;
}

static int digit_value(char c)
{
    switch (toupper((unsigned char)c)) {
    case 'I': return 1;
    case 'V': return 5;
    case 'X': return 10;
    case 'L': return 50;
    case 'C': return 100;
    case 'D': return 500;
    case 'M': return 1000;
    default:  return 0;
    }
}

static int from_roman(const char *s)
{
    int total = 0;
    size_t i, n = strlen(s);
    char check[32];
    char upper[32];
    if (n == 0 || n >= sizeof upper)
        return -1;
    for (i = 0; i < n; i++) {
        int v = digit_value(s[i]);
        int next = (i + 1 < n) ? digit_value(s[i + 1]) : 0;
        if (v == 0)
            return -1;
        upper[i] = (char)toupper((unsigned char)s[i]);
        if (v < next)
            total -= v;
        else
            total += v;
    }
    upper[n] = '\0';
    if (to_roman(total, check, (int)sizeof check) < 0 || strcmp(check, upper) != 0)
        return -1;
    return total;
}

int main(void)
{
    const int samples[] = { 1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999, 0, 4000 };
    const char *inputs[] = { "XLII", "mcmxc", "IIII", "IC", "MMXXV", "VX", "", "LXXXVIII", "ABC" };
    char buf[32];
    size_t i;
    int sum = 0;

    for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        if (to_roman(samples[i], buf, (int)sizeof buf) < 0)
            printf("%5d -> (out of range)\n", samples[i]);
        else
            printf("%5d -> %-12s (%zu chars)\n", samples[i], buf, strlen(buf));
    }
    for (i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        int v = from_roman(inputs[i]);
        if (v < 0)
            printf("'%s' is not a valid numeral\n", inputs[i]);
        else {
            printf("'%s' = %d\n", inputs[i], v);
            sum += v;
        }
    }
    if (to_roman(sum, buf, (int)sizeof buf) > 0)
        printf("sum of valid = %d = %s\n", sum, buf);
    else
        printf("sum of valid = %d (too large for numerals)\n", sum);
    for (i = 1; i <= 20; i++) {
        to_roman((int)i, buf, (int)sizeof buf);
        printf("%s%c", buf, i % 10 == 0 ? '\n' : ' ');
    }
    return 0;
}
