/* Names: Rust keywords as C identifiers, shadowing scopes, a local named like a function. */
#include <stdio.h>

struct impl { int type; int ref; };

static int match(int loop, int fn) { return loop * 10 + fn; }
static int max(int a, int b) { return a > b ? a : b; }

int main(void) {
    int mut = 1, move = 2, self = 3;
    struct impl where = {4, 5};
    int x = 1;
    {
        int x = 2;
        for (int x = 3; x < 5; x++) mut += x;
        mut += x;
    }
    mut += x;
    int max_v = max(mut, move);
    int in = match(self, where.type) + where.ref;
    printf("%d %d %d %d\n", mut, max_v, in, match(1, 2));
    return 0;
}
