/* Exercises: nested structs (a struct member that is a struct), arrays of
 * structs containing arrays, member access chains (a.b.c, a[i].b[j]),
 * whole-struct copies of nested values, and an aggregate computed per record.
 * Original program written for this corpus. */
#include <stdio.h>

struct point { int x, y; };
struct rect { struct point lo, hi; };

struct student {
    char initial;
    int scores[3];
    struct { int year; int month; } enrolled;
};

static int area(struct rect r) {
    return (r.hi.x - r.lo.x) * (r.hi.y - r.lo.y);
}

static int contains(const struct rect *r, struct point p) {
    return p.x >= r->lo.x && p.x < r->hi.x && p.y >= r->lo.y && p.y < r->hi.y;
}

static struct rect intersect(struct rect a, struct rect b) {
    struct rect r;
    r.lo.x = a.lo.x > b.lo.x ? a.lo.x : b.lo.x;
    r.lo.y = a.lo.y > b.lo.y ? a.lo.y : b.lo.y;
    r.hi.x = a.hi.x < b.hi.x ? a.hi.x : b.hi.x;
    r.hi.y = a.hi.y < b.hi.y ? a.hi.y : b.hi.y;
    if (r.hi.x < r.lo.x) r.hi.x = r.lo.x;
    if (r.hi.y < r.lo.y) r.hi.y = r.lo.y;
    return r;
}

static int average(const struct student *s) {
    int t = 0;
    for (int i = 0; i < 3; i++)
        t += s->scores[i];
    return t / 3;
}

int main(void) {
    struct rect a = {{0, 0}, {10, 5}};
    struct rect b = {{4, 2}, {12, 9}};
    struct rect c = intersect(a, b);
    printf("a=%d b=%d c=(%d,%d)-(%d,%d) area=%d\n", area(a), area(b), c.lo.x, c.lo.y, c.hi.x,
           c.hi.y, area(c));

    struct point probes[4] = {{0, 0}, {9, 4}, {10, 4}, {5, 3}};
    for (int i = 0; i < 4; i++)
        printf("(%d,%d):%d%d ", probes[i].x, probes[i].y, contains(&a, probes[i]),
               contains(&b, probes[i]));
    printf("\n");

    struct student cls[3] = {
        {'A', {90, 85, 77}, {2021, 9}},
        {'B', {60, 70, 80}, {2022, 2}},
        {'C', {100, 95, 98}, {2020, 9}},
    };
    int best = 0;
    for (int i = 0; i < 3; i++) {
        printf("%c avg=%d since %d-%02d\n", cls[i].initial, average(&cls[i]),
               cls[i].enrolled.year, cls[i].enrolled.month);
        if (average(&cls[i]) > average(&cls[best]))
            best = i;
    }
    printf("best=%c\n", cls[best].initial);

    struct student copy = cls[1];
    copy.scores[0] = 0;
    copy.enrolled.year = 1999;
    printf("orig=%d/%d copy=%d/%d\n", cls[1].scores[0], cls[1].enrolled.year, copy.scores[0],
           copy.enrolled.year);

    struct rect grow = a;
    grow.hi = b.hi;
    grow.lo.x -= 1;
    printf("grow area=%d a area=%d\n", area(grow), area(a));
    return 0;
}
