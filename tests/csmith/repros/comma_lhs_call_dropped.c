/* BUG (complete, different output): a call inside an expression whose value is discarded is dropped with its side effects when the call's result feeds an operation (`(bump(3) == l, l)`, also `(-bump(3), l)`, `((int)bump(3), l)`, and the statement `bump(3) + 1;`); a bare discarded call (`(bump(3), l)`, `(void)bump(3);`) is kept. gcc prints "5 1", the Rust "5 0". Seen in csmith seeds 2, 64, 65, 96, 105, 114, 120, 141, 148, 1076, 1093. */
#include <stdio.h>

int g = 0;

unsigned long long bump(short p) {
    g++;
    return p;
}

int main(void) {
    int l = 5;
    int x = ((bump(3) == l), l);
    printf("%d %d\n", x, g);
    return 0;
}
