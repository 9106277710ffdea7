/* Calls to functions whose body the frontend could not lower (a union here) go to stubs
 * with the same signature that panic with the reason; they are not reached in this run. */
#include <stdio.h>

int verbose = 0;

unsigned int float_bits(float f) {
    union { float f; unsigned int u; } pun;
    pun.f = f;
    return pun.u;
}

static int low_byte(const int *v, int n) {
    union { int i; char c[4]; } u;
    u.i = *v * n;
    return u.c[0];
}

int main(void) {
    int a[3] = {1, 2, 3};
    int s = 0;
    for (int i = 0; i < 3; i++) s += a[i];
    if (verbose) {
        printf("%d\n", low_byte(&a[1], 2));
        printf("%u\n", float_bits(1.0f));
    }
    printf("%d\n", s);
    return 0;
}
