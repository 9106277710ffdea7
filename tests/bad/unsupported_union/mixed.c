/* One translatable function and one that uses a union (unsupported in this stage). */
#include <stdio.h>

int add(int a, int b) {
    return a + b;
}

unsigned int float_bits(float f) {
    union { float f; unsigned int u; } pun;
    pun.f = f;
    return pun.u;
}

int main(void) {
    printf("%d %u\n", add(2, 3), float_bits(1.0f));
    return 0;
}
