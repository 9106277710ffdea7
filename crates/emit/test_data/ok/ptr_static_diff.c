/* A walk over a static string and the difference of two suffixes of it (`p - s`). */
#include <stdio.h>

static int length(const char *s) {
    const char *p = s;
    while (*p) p++;
    return (int)(p - s);
}

int main(void) {
    printf("%d\n", length("hello"));
    return 0;
}
