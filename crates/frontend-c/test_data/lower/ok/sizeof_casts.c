/* sizeof of types and expressions (struct layout), explicit casts between integer widths,
 * floats, pointers and bool. */
#include <stdbool.h>
struct s { char c; double d; int i; };
unsigned long sz(int x, double y, int *p) {
    struct s v;
    unsigned long a = sizeof(struct s) + sizeof v.c + sizeof(int[10]) + sizeof x + sizeof(p);
    bool b = x;
    char c = (char)x;
    unsigned char uc = (unsigned char)c;
    long l = (long)y + (long)uc + b;
    void *vp = (void *)p;
    int *ip = (int *)vp;
    return a + (unsigned long)l + (ip != 0);
}
