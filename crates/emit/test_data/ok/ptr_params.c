/* Pointer parameters: references and slices, shared or mutable, inferred from use. */
#include <stdio.h>

struct pt { int x; int y; };

static int sum(const int *a, int n) {           /* shared slice */
    int s = 0;
    for (int i = 0; i < n; i++) s += a[i];
    return s;
}

static void scale(int *a, int n, int k) {      /* mutable slice */
    for (int i = 0; i < n; i++) a[i] *= k;
}

static void fill_from(int *a, int n, int start) { /* passes its slice on */
    for (int i = 0; i < n; i++) a[i] = start + i;
    scale(a, n, 2);
}

static void inc(int *p) { *p += 1; }           /* mutable reference */
static int get(const int *p) { return *p; }    /* shared reference */

static void move_pt(struct pt *p, int dx) { p->x += dx; p->y -= dx; }
static int manhattan(const struct pt *p) { return (p->x < 0 ? -p->x : p->x) + (p->y < 0 ? -p->y : p->y); }

static int trace(int m[][3], int n) {          /* 2-D array parameter */
    int t = 0;
    for (int i = 0; i < n; i++) t += m[i][i];
    m[0][0] = -1;
    return t;
}

int main(void) {
    int a[6];
    fill_from(a, 6, 1);
    printf("sum=%d tail=%d\n", sum(a, 6), sum(&a[3], 3));
    int x = 41;
    inc(&x);
    inc(&a[5]);
    printf("x=%d a5=%d get=%d\n", x, a[5], get(&x));
    struct pt p = {3, 4};
    move_pt(&p, 5);
    printf("p=(%d,%d) d=%d\n", p.x, p.y, manhattan(&p));
    int m[3][3] = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
    int t = trace(m, 3);
    printf("trace=%d m00=%d\n", t, m[0][0]);
    return sum(a, 2);
}
