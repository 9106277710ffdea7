#include <stdio.h>
int ok(int x) { return x; }
int bad_type(void) {
    widget_t w = 3;
    return w;
}
int bad_ident(void) {
    return missing + 1;
}
int bad_field(void) {
    struct p { int x; } v;
    return v.y;
}
gadget_t *make(void) { return 0; }
int after(void) { return ok(2); }
