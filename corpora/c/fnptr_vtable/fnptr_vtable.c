/* Exercises: structs holding function pointers (a hand-made vtable) stored by
 * value inside each object, an array of objects dispatched through it,
 * function pointers taking a struct pointer, a function returning a function
 * pointer, and a callback stored in a global.
 * Original program written for this corpus. */
#include <stdio.h>

struct shape;

struct shape_ops {
    char name[8];
    long (*area)(const struct shape *);
    long (*perimeter)(const struct shape *);
    void (*scale)(struct shape *, int);
};

struct shape {
    struct shape_ops ops;
    int a, b;
};

static long rect_area(const struct shape *s) { return (long)s->a * s->b; }
static long rect_perim(const struct shape *s) { return 2L * (s->a + s->b); }
static void rect_scale(struct shape *s, int k) { s->a *= k; s->b *= k; }
static long sq_area(const struct shape *s) { return (long)s->a * s->a; }
static long sq_perim(const struct shape *s) { return 4L * s->a; }
static void sq_scale(struct shape *s, int k) { s->a *= k; }
static long tri_area(const struct shape *s) { return (long)s->a * s->b / 2; }

static const struct shape_ops rect_ops = {"rect", rect_area, rect_perim, rect_scale};
static const struct shape_ops square_ops = {"square", sq_area, sq_perim, sq_scale};
static const struct shape_ops tri_ops = {"tri", tri_area, rect_perim, rect_scale};

typedef long (*measure_fn)(const struct shape *);

static measure_fn pick_measure(int which) {
    return which ? sq_area : rect_area;
}

static void (*on_event)(const char[], long);

static void logger(const char what[], long v) {
    printf("event %s=%ld\n", what, v);
}

int main(void) {
    struct shape shapes[4] = {
        {rect_ops, 3, 4}, {square_ops, 5, 0}, {tri_ops, 6, 3}, {rect_ops, 1, 10},
    };
    long total = 0;
    for (int i = 0; i < 4; i++) {
        const struct shape *s = &shapes[i];
        long ar = s->ops.area(s);
        long pe = s->ops.perimeter(s);
        printf("%-6s a=%ld p=%ld\n", s->ops.name, ar, pe);
        total += ar;
    }
    for (int i = 0; i < 4; i++)
        shapes[i].ops.scale(&shapes[i], i + 1);
    on_event = logger;
    for (int i = 0; i < 4; i++)
        on_event(shapes[i].ops.name, shapes[i].ops.area(&shapes[i]));
    measure_fn m = pick_measure(1);
    printf("picked on rect: %ld, total before=%ld\n", m(&shapes[0]), total);
    printf("same area fn: %d %d\n", shapes[0].ops.area == shapes[3].ops.area,
           shapes[0].ops.area == shapes[1].ops.area);
    return (int)(total % 50);
}
