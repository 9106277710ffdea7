/* Structs by value: copy, pass, return, nested fields, designated initialisers. */
struct point { int x; int y; };
struct rect { struct point lo, hi; };
struct point mid(struct point a, struct point b) {
    struct point m = {(a.x + b.x) / 2, (a.y + b.y) / 2};
    return m;
}
int area(struct rect r) {
    struct point d = {.y = r.hi.y - r.lo.y, .x = r.hi.x - r.lo.x};
    struct rect copy = r;
    copy.lo = mid(r.lo, r.hi);
    return d.x * d.y + copy.lo.x;
}
