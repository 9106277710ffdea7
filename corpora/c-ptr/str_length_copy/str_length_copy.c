/* Exercises: hand-written strlen/strcpy/strcmp/strcat/strncpy over `char *` with `*p++`
 * idioms, checked against the <string.h> versions on the same inputs; terminator handling
 * and padding of strncpy.
 * Original program written for this corpus. */
#include <stdio.h>
#include <string.h>

static size_t my_strlen(const char *s) {
    const char *p = s;
    while (*p)
        p++;
    return (size_t)(p - s);
}

static char *my_strcpy(char *dst, const char *src) {
    char *d = dst;
    while ((*d++ = *src++) != '\0')
        ;
    return dst;
}

static int my_strcmp(const char *a, const char *b) {
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (unsigned char)*a - (unsigned char)*b;
}

static char *my_strcat(char *dst, const char *src) {
    char *d = dst + my_strlen(dst);
    while (*src)
        *d++ = *src++;
    *d = '\0';
    return dst;
}

static char *my_strncpy(char *dst, const char *src, size_t n) {
    char *d = dst;
    while (n > 0 && *src) {
        *d++ = *src++;
        n--;
    }
    while (n-- > 0)
        *d++ = '\0';
    return dst;
}

static int sign(int v) { return (v > 0) - (v < 0); }

int main(void) {
    const char *words[] = {"", "a", "pointer", "pointers", "point", "Zebra", "zebra", "abc\x80"};
    const int nw = 8;
    for (int i = 0; i < nw - 1; i++)
        printf("len(\"%s\") = %zu / %zu\n", words[i], my_strlen(words[i]), strlen(words[i]));
    printf("len(abc\\x80) = %zu / %zu\n", my_strlen(words[7]), strlen(words[7]));

    int mismatches = 0;
    for (int i = 0; i < nw; i++)
        for (int j = 0; j < nw; j++)
            if (sign(my_strcmp(words[i], words[j])) != sign(strcmp(words[i], words[j])))
                mismatches++;
    printf("strcmp sign mismatches: %d\n", mismatches);
    printf("cmp pointer/point=%d point/pointer=%d abc\\x80/abc=%d\n",
           sign(my_strcmp("pointer", "point")), sign(my_strcmp("point", "pointer")),
           sign(my_strcmp("abc\x80", "abc")));

    char buf[64];
    char ref[64];
    my_strcpy(buf, "walk");
    strcpy(ref, "walk");
    for (int i = 1; i < 5; i++) {
        my_strcat(buf, words[i]);
        strcat(ref, words[i]);
        printf("cat: %-28s same=%d\n", buf, strcmp(buf, ref) == 0);
    }

    char pad[10];
    memset(pad, '#', sizeof pad);
    my_strncpy(pad, "abc", 6);
    printf("strncpy:");
    for (const char *p = pad; p < pad + sizeof pad; p++)
        printf(" %d", *p == '#' ? -1 : *p);
    putchar('\n');
    char pad2[10];
    memset(pad2, '#', sizeof pad2);
    strncpy(pad2, "abc", 6);
    printf("library agrees: %d\n", memcmp(pad, pad2, sizeof pad) == 0);

    my_strncpy(pad, "truncated", 4); /* no terminator written */
    pad[4] = '\0';
    printf("truncated to 4: \"%s\" len %zu\n", pad, my_strlen(pad));
    return 0;
}
