/* Exercises: converting integers to digit strings in char arrays (any base,
 * negative numbers, INT_MIN via unsigned magnitude), reversing in place,
 * printing with putchar only, palindromic numbers, and parsing digits back.
 * Original program written for this corpus. */
#include <stdio.h>
#include <limits.h>

static int to_base(long long v, int base, char out[]) {
    char tmp[72];
    int n = 0, neg = v < 0;
    unsigned long long mag = neg ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do {
        int d = (int)(mag % (unsigned)base);
        tmp[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        mag /= (unsigned)base;
    } while (mag != 0);
    int k = 0;
    if (neg)
        out[k++] = '-';
    while (n > 0)
        out[k++] = tmp[--n];
    out[k] = '\0';
    return k;
}

static void put_str(const char s[]) {
    for (int i = 0; s[i] != '\0'; i++)
        putchar(s[i]);
}

static long long parse(const char s[], int base) {
    long long v = 0;
    int i = 0, neg = 0;
    if (s[0] == '-') {
        neg = 1;
        i = 1;
    }
    for (; s[i] != '\0'; i++) {
        int d = s[i] <= '9' ? s[i] - '0' : s[i] - 'a' + 10;
        v = v * base + d;
    }
    return neg ? -v : v;
}

static int is_palindrome(unsigned int n) {
    char buf[16];
    int len = to_base(n, 10, buf);
    for (int i = 0, j = len - 1; i < j; i++, j--)
        if (buf[i] != buf[j])
            return 0;
    return 1;
}

int main(void) {
    long long vals[6] = {0, 7, -255, 1000000, INT_MIN, 9223372036854775807LL};
    int bases[4] = {2, 8, 10, 16};
    char buf[72];
    int roundtrip_ok = 1;
    for (int i = 0; i < 6; i++) {
        for (int b = 0; b < 4; b++) {
            int len = to_base(vals[i], bases[b], buf);
            put_str(buf);
            putchar(b == 3 ? '\n' : ' ');
            if (parse(buf, bases[b]) != vals[i] || len <= 0)
                roundtrip_ok = 0;
        }
    }
    printf("roundtrip_ok=%d\n", roundtrip_ok);

    int count = 0;
    for (unsigned int n = 10; n < 2000; n++)
        if (is_palindrome(n))
            count++;
    printf("palindromes in [10,2000): %d\n", count);

    to_base(36 * 36 * 36 - 1, 36, buf);
    put_str(buf);
    putchar('\n');

    long long digits_total = 0;
    for (int n = 1; n <= 100; n++) {
        int len = to_base(n, 10, buf);
        for (int k = 0; k < len; k++)
            digits_total += buf[k] - '0';
    }
    printf("digit total 1..100 = %lld\n", digits_total);
    return count % 256;
}
