/* Structs and arrays: nesting, copies, returns, big arrays, char buffers with sprintf,
 * memset/memcpy, signed chars. */
#include <stdio.h>
#include <string.h>

struct vec { int x, y; };
struct rect { struct vec min, max; char name[8]; };

static struct vec add(struct vec a, struct vec b) { struct vec r = {a.x + b.x, a.y + b.y}; return r; }
static int area(struct rect r) { return (r.max.x - r.min.x) * (r.max.y - r.min.y); }

int main(void) {
    struct rect r = {{1, 2}, {4, 6}, "box"};
    struct rect copy = r;
    copy.max = add(copy.max, r.min);
    printf("%s area=%d copy=%d\n", r.name, area(r), area(copy));

    int big[40];
    memset(big, 0, sizeof big);
    for (int i = 0; i < 40; i++) big[i] = i * i;
    int other[40];
    memcpy(other, big, sizeof big);
    other[39] = -1;
    printf("big=%d %d other=%d\n", big[39], big[10], other[39]);

    char buf[32];
    sprintf(buf, "%d-%s-%c", area(r), r.name, 'z');
    printf("buf=[%s] len=%d\n", buf, (int)strlen(buf));

    char bytes[4] = {(char)200, 'A', (char)-1, 0};
    int s = 0;
    for (int i = 0; i < 3; i++) s += bytes[i];
    unsigned char u = (unsigned char)bytes[0];
    printf("s=%d u=%u c=%d\n", s, u, bytes[2]);
    puts(strcmp(r.name, "box") == 0 ? "same" : "diff");
    return s & 0x7f;
}
