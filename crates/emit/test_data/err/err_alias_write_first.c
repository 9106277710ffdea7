/* The same object passed for a written and a read parameter, written before it is read:
 * no safe borrow mapping and no exact copy. */
#include <stdio.h>

static void step(int *dst, const int *src) {
    dst[0] = 1;
    dst[1] = src[0] + 1;
}

int main(void) {
    int v[2] = {5, 6};
    step(v, v);
    printf("%d %d\n", v[0], v[1]);
    return 0;
}
