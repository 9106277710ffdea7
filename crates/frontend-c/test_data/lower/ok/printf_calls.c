/* printf-family calls: string literals, variadic promotions (float to double, char and short
 * to int), fprintf to stderr, puts/putchar, exit. */
#include <stdio.h>
#include <stdlib.h>
int main(void) {
    float f = 1.5f;
    char c = 'x';
    short s = 7;
    unsigned long ul = 3;
    printf("%f %c %d %lu %s\n", f, c, s, ul, "str");
    fprintf(stderr, "err %d\n", 1);
    puts("done");
    putchar('\n');
    if (s > 100)
        exit(1);
    return 0;
}
