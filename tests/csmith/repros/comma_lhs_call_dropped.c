/* BUG (complete, different output): the discarded left operand of a comma operator is dropped whole when it is an operation on a call result (`(bump() == l, l)`, `(-bump(), l)`), so the call's side effects are lost; a bare call (`(bump(), l)`) is kept. gcc prints "5 1", the Rust "5 0". Seen in csmith seed 148. */
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
