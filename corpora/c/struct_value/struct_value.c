/* Exercises: structs passed and returned by value, struct assignment
 * (copy semantics: changing the copy leaves the original alone), struct
 * initialisers (positional and designated), and structs holding arrays.
 * Original program written for this corpus. */
#include <stdio.h>

struct vec2 {
    int x;
    int y;
};

struct frac {
    long num;
    long den;
};

struct buf {
    int len;
    int data[4];
};

static struct vec2 add(struct vec2 a, struct vec2 b) {
    struct vec2 r;
    r.x = a.x + b.x;
    r.y = a.y + b.y;
    return r;
}

static struct vec2 scale(struct vec2 v, int k) {
    v.x *= k;          /* modifies the callee's copy only */
    v.y *= k;
    return v;
}

static long gcd(long a, long b) {
    while (b != 0) {
        long t = a % b;
        a = b;
        b = t;
    }
    return a < 0 ? -a : a;
}

static struct frac frac_add(struct frac a, struct frac b) {
    struct frac r = {a.num * b.den + b.num * a.den, a.den * b.den};
    long g = gcd(r.num, r.den);
    r.num /= g;
    r.den /= g;
    return r;
}

static struct buf push(struct buf b, int v) {
    if (b.len < 4) {
        b.data[b.len] = v;
        b.len++;
    }
    return b;
}

int main(void) {
    struct vec2 a = {3, -4};
    struct vec2 b = {.y = 10, .x = 1};
    struct vec2 c = add(a, b);
    struct vec2 d = scale(c, 3);
    printf("c=(%d,%d) d=(%d,%d) a=(%d,%d)\n", c.x, c.y, d.x, d.y, a.x, a.y);

    struct vec2 e = a;
    e.x = 100;
    printf("a.x=%d e.x=%d\n", a.x, e.x);

    struct frac h = {0, 1};
    for (long k = 1; k <= 6; k++) {
        struct frac term = {1, k};
        h = frac_add(h, term);
        printf("H(%ld)=%ld/%ld\n", k, h.num, h.den);
    }

    struct buf empty = {0, {0}};
    struct buf one = push(empty, 7);
    struct buf full = push(push(push(push(push(one, 1), 2), 3), 4), 5);
    printf("empty.len=%d one.len=%d full.len=%d\n", empty.len, one.len, full.len);
    for (int i = 0; i < full.len; i++)
        printf("%d ", full.data[i]);
    printf("\n");

    struct vec2 pts[3] = {{1, 1}, {2, 4}, {3, 9}};
    struct vec2 acc = {0, 0};
    for (int i = 0; i < 3; i++)
        acc = add(acc, pts[i]);
    printf("acc=(%d,%d) sizeof(vec2)=%zu sizeof(buf)=%zu\n", acc.x, acc.y, sizeof(struct vec2),
           sizeof(struct buf));
    return 0;
}
