/* BUG (complete, build failure): the value of an assignment used as a truth value is emitted as an unsuffixed literal test (`4294967295 != 0`, `-5724710885536237239 != 0`, `18446744073709551495 == 0`) that rustc types as i32: "literal out of range for `i32`". Seen in csmith seeds 17, 39, 131, 146, 152, 196, 197, 1036. */
#include <stdio.h>

int g = 3;

int f(long long p) {
    int r = ((p = 0xB08DBDC7C9CCF949LL) || (g > 2));
    return r + (int)(p & 7);
}

int main(void) {
    unsigned u = 1;
    int r = ((u = 4294967295U) && (g > 2));
    printf("%d %u %d\n", r, u, f(1));
    return 0;
}
