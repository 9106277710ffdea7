/* Structs, arrays, globals (const, static, Cell, RefCell), strings and printf. */
#include <stdio.h>
#include <string.h>
struct point { int x; int y; };
static int counter;
static int hist[8];
static const int primes[4] = {2, 3, 5, 7};
static const char *names[2] = {"zero", "one"};
int dist2(const struct point *p, const struct point *q) {
    int dx = p->x - q->x, dy = p->y - q->y;
    return dx * dx + dy * dy;
}
void bump(int k) { counter++; hist[k & 7] += primes[k & 3]; }
struct point mid(struct point a, struct point b) {
    struct point m;
    m.x = (a.x + b.x) / 2;
    m.y = (a.y + b.y) / 2;
    return m;
}
int main(void) {
    struct point a = {1, 2}, b = {4, 6};
    char buf[16];
    int i;
    for (i = 0; i < 10; i++) bump(i);
    strcpy(buf, "hi");
    struct point m = mid(a, b);
    printf("%d %d %s %s %lu %d\n", dist2(&a, &b), counter, names[1], buf, strlen(buf), m.x);
    return hist[3];
}
