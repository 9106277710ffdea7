/* strlib_ptr: re-implements common <string.h> functions with pointer walks and checks them against the library. Original program written for this measurement set. */
#include <stdio.h>
#include <string.h>

static int mismatches;

static size_t my_strlen(const char *s)
{
    const char *p = s;
    while (*p)
        p++;
    return (size_t)(p - s);
}

static char *my_strcpy(char *d, const char *s)
{
    char *r = d;
    while ((*d++ = *s++) != '\0')
        ;
    return r;
}

static char *my_strcat(char *d, const char *s)
{
    my_strcpy(d + my_strlen(d), s);
    return d;
}

static int my_strcmp(const char *a, const char *b)
{
    while (*a != '\0' && *a == *b) {
        a++;
        b++;
    }
    return (unsigned char)*a - (unsigned char)*b;
}

static const char *my_strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return s;
        if (*s == '\0')
            return NULL;
    }
}

static const char *my_strrchr(const char *s, int c)
{
    const char *last = NULL;
    do {
        if (*s == (char)c)
            last = s;
    } while (*s++ != '\0');
    return last;
}

static size_t my_strspn(const char *s, const char *accept)
{
    const char *p = s;
    while (*p != '\0' && my_strchr(accept, *p) != NULL)
        p++;
    return (size_t)(p - s);
}

static void my_memmove(char *dst, const char *src, size_t n)
{
    if (dst < src) {
        while (n--)
            *dst++ = *src++;
    } else {
        dst += n;
        src += n;
        while (n--)
            *--dst = *--src;
    }
}

static int sign(int v) { return (v > 0) - (v < 0); }

static void check(const char *what, long mine, long lib)
{
    if (mine != lib) {
        mismatches++;
        printf("  MISMATCH %s: %ld vs %ld\n", what, mine, lib);
    }
}

int main(void)
{
    static const char *const words[] = { "alpha", "alphabet", "beta", "", "Alpha", "gamma ray" };
    size_t n = sizeof words / sizeof words[0], i, j;
    char a[64], b[64], buf[32];

    for (i = 0; i < n; i++) {
        const char *w = words[i];
        const char *c1 = my_strchr(w, 'a'), *c2 = strchr(w, 'a');
        const char *r1 = my_strrchr(w, 'a');
        printf("%-10s len %zu, first a %td, last a %td, spn(alph) %zu\n", w, my_strlen(w),
               c1 ? c1 - w : -1, r1 ? r1 - w : -1, my_strspn(w, "alph"));
        check("strlen", (long)my_strlen(w), (long)strlen(w));
        check("strchr", c1 ? c1 - w : -1, c2 ? c2 - w : -1);
        check("strrchr", r1 ? r1 - w : -1, strrchr(w, 'a') ? strrchr(w, 'a') - w : -1);
        check("strchr nul", my_strchr(w, '\0') - w, strchr(w, '\0') - w);
        check("strspn", (long)my_strspn(w, "alph"), (long)strspn(w, "alph"));
        for (j = 0; j < n; j++)
            check("strcmp", sign(my_strcmp(w, words[j])), sign(strcmp(w, words[j])));
    }
    for (i = 0; i < n; i++) {
        printf("cmp %-9s:", words[i]);
        for (j = 0; j < n; j++)
            printf(" %2d", sign(my_strcmp(words[i], words[j])));
        putchar('\n');
    }
    my_strcpy(a, "pointer");
    strcpy(b, "pointer");
    my_strcat(my_strcat(a, " "), "walks");
    strcat(strcat(b, " "), "walks");
    printf("concat: [%s] [%s]\n", a, b);
    check("strcat", my_strcmp(a, b), 0);

    my_strcpy(buf, "0123456789");
    my_memmove(buf + 3, buf, 5);
    printf("move right: %s\n", buf);
    my_memmove(buf, buf + 4, 6);
    printf("move left:  %s\n", buf);
    strcpy(a, "0123456789");
    memmove(a + 3, a, 5);
    memmove(a, a + 4, 6);
    check("memmove", my_strcmp(a, buf), 0);
    printf("mismatches: %d\n", mismatches);
    return mismatches;
}
