/* Pointer arithmetic on a local pointer (`p++`) is a later stage. */
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
