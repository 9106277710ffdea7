/* Heap memory is a later stage: `make_buf` is reported, `twice` still translated. */
#include <stdio.h>
#include <stdlib.h>

static int *make_buf(int n) {
    int *p = malloc(n * sizeof *p);
    for (int i = 0; i < n; i++) p[i] = i;
    return p;
}

static int twice(int x) { return 2 * x; }

int main(void) {
    printf("%d\n", twice(21));
    int *b = make_buf(4);
    printf("%d\n", b[3]);
    free(b);
    return 0;
}
