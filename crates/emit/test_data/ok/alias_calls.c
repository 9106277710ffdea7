/* The same array in two arguments: distinct elements (split borrows) and a read-only
 * argument read before the other is written (a copy). */
#include <stdio.h>

struct acct { int id; long bal; };

static void transfer(struct acct *from, struct acct *to, long amt) { from->bal -= amt; to->bal += amt; }

static void add_into(int *dst, const int *src, int n) {
    int tmp[4];
    for (int i = 0; i < n; i++) tmp[i] = dst[i] + src[i];
    for (int i = 0; i < n; i++) dst[i] = tmp[i];
}

int main(void) {
    struct acct a[3] = {{1, 100}, {2, 50}, {3, 0}};
    transfer(&a[0], &a[2], 30);
    transfer(&a[1], &a[0], 20);
    int v[4] = {1, 2, 3, 4};
    add_into(v, v, 4);
    printf("%ld %ld %ld | %d %d %d %d\n", a[0].bal, a[1].bal, a[2].bal, v[0], v[1], v[2], v[3]);
    return 0;
}
