/* A call inlined into a value nobody uses must still run (found by the csmith sweep):
 * `(f() == x, y)`, `-f(), y`, `f() + 1;`, `f() || 7`. */
#include <stdio.h>

static int calls = 0;

static unsigned long long bump(short p) {
    calls++;
    return (unsigned long long)p;
}

int main(void) {
    int l = 5;
    int x = ((bump(3) == l), l);
    x += (-bump(4), l);
    bump(5) + 1;
    int t = (bump(6) || 7);
    int f = (bump(7) && 0);
    printf("x=%d t=%d f=%d calls=%d\n", x, t, f, calls);
    return 0;
}
