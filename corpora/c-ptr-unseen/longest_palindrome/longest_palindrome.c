/* longest_palindrome: two-pointer palindrome tests and expand-around-centre search over char pointers. Original program written for this measurement set. */
#include <stdio.h>
#include <string.h>
#include <ctype.h>

static int is_palindrome(const char *s)
{
    const char *a = s, *b = s + strlen(s);
    while (a < b) {
        if (!isalnum((unsigned char)*a))
            a++;
        else if (!isalnum((unsigned char)b[-1]))
            b--;
        else if (tolower((unsigned char)*a) != tolower((unsigned char)b[-1]))
            return 0;
        else {
            a++;
            b--;
        }
    }
    return 1;
}

/* Grows [*lo, *hi] outwards while the ends match; returns the length. */
static long expand(const char *s, const char *end, const char **lo, const char **hi)
{
    while (*lo > s && *hi + 1 < end && (*lo)[-1] == (*hi)[1]) {
        (*lo)--;
        (*hi)++;
    }
    return *hi - *lo + 1;
}

static long longest(const char *s, const char **start)
{
    const char *end = s + strlen(s);
    const char *c, *lo, *hi;
    long best = 0, len;
    *start = s;
    for (c = s; c < end; c++) {
        lo = hi = c;
        len = expand(s, end, &lo, &hi);
        if (len > best) {
            best = len;
            *start = lo;
        }
        if (c + 1 < end && c[0] == c[1]) {
            lo = c;
            hi = c + 1;
            len = expand(s, end, &lo, &hi);
            if (len > best) {
                best = len;
                *start = lo;
            }
        }
    }
    return best;
}

static int count_palindromic_substrings(const char *s)
{
    size_t n = strlen(s), i, j;
    int count = 0;
    for (i = 0; i < n; i++)
        for (j = i + 1; j <= n; j++) {
            const char *a = s + i, *b = s + j - 1;
            while (a < b && *a == *b) {
                a++;
                b--;
            }
            if (a >= b)
                count++;
        }
    return count;
}

int main(void)
{
    static const char *const phrases[] = {
        "A man, a plan, a canal: Panama", "racecar", "hello", "Was it a car or a cat I saw?",
        "No 'x' in Nixon", "", "ab", "Step on no pets!",
    };
    static const char *const words[] = {
        "babad", "cbbd", "forgeeksskeegfor", "abacdfgdcaba", "x", "aaaa", "bananas",
    };
    size_t i;
    int yes = 0;
    const char *start;
    long len;

    for (i = 0; i < sizeof phrases / sizeof phrases[0]; i++) {
        int p = is_palindrome(phrases[i]);
        yes += p;
        printf("%-32s %s\n", phrases[i], p ? "palindrome" : "-");
    }
    printf("%d of %zu phrases are palindromes\n", yes, sizeof phrases / sizeof phrases[0]);
    for (i = 0; i < sizeof words / sizeof words[0]; i++) {
        len = longest(words[i], &start);
        printf("%-18s longest \"%.*s\" at %td (len %ld), %d palindromic substrings\n", words[i],
               (int)len, start, start - words[i], len, count_palindromic_substrings(words[i]));
    }
    return 0;
}
