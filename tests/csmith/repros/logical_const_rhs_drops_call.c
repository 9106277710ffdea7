/* BUG (complete, different output): `f() || <nonzero constant>` and `f() && 0` are folded to their constant value and the call on the left, which C always evaluates, is dropped with its side effects (also as a condition: `if (bump(3) || 1)` becomes `if true`). gcc prints "1 0 2", the Rust "1 0 0". Seen in csmith seed 167. */
#include <stdio.h>

int g = 0;

unsigned short bump(short p) {
    g++;
    return p;
}

int main(void) {
    int x = (bump(3) || 7);
    int y = (bump(3) && 0);
    printf("%d %d %d\n", x, y, g);
    return 0;
}
