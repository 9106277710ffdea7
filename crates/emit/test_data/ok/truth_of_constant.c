/* An assignment of a large unsigned constant used as a truth value (found by the csmith
 * sweep): its truth is known; the Rust must not test an unsuffixed out-of-range literal. */
#include <stdio.h>

static int g = 3;

int main(void) {
    unsigned u = 1;
    int r = ((u = 4294967295U) && (g > 2));
    long long p = 1;
    int s = ((p = 0x7B8DBDC7C9CCF949LL) || (g > 5));
    int z = ((u = 0U) || (g > 5));
    printf("%d %u %d %lld %d\n", r, u, s, p, z);
    return 0;
}
