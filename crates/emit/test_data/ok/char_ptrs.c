/* char pointers: unsigned char views of strings, string literals through parameters and
 * globals, a table of names indexed through a read-only parameter. */
#include <stdio.h>
#include <string.h>

static const char *last = "none";
static const char *const colors[] = {"red", "green", "blue"};

static unsigned hash(const char *s) {
    const unsigned char *u = (const unsigned char *)s;
    unsigned h = 5381;
    for (int i = 0; u[i] != 0; i++) h = h * 33 + u[i];
    return h;
}

static void note(const char *who) {
    printf("%s after %s\n", who, last);
    last = who;
}

static int longest(const char *const names[], int n) {
    int best = 0;
    for (int i = 1; i < n; i++)
        if (strlen(names[i]) > strlen(names[best])) best = i;
    return best;
}

int main(void) {
    note("alpha");
    note("beta");
    char word[8] = "caf\xe9";
    printf("%u %u %u\n", hash("abc"), hash(word), hash(colors[2]));
    int b = longest(colors, 3);
    printf("longest=%s (%d)\n", colors[b], (int)strlen(colors[b]));
    return (int)(hash(last) % 100);
}
