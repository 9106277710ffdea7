/* A tiny program for the `cargo xtask verify` tests: two small functions and main. */
#include <stdio.h>

unsigned add(unsigned a, unsigned b) { return a + b; }

int clamp(int x, int lo, int hi) {
    if (x < lo)
        return lo;
    if (x > hi)
        return hi;
    return x;
}

int main(void) {
    printf("%u %d\n", add(4000000000u, 500000000u), clamp(7, 0, 5));
    return 0;
}
