/* Bad input: a type name that is never declared. */
#include <stdio.h>

int main(void) {
    widget_t w = 3;
    printf("%d\n", w);
    return 0;
}
