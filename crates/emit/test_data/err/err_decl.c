/* Functions whose body was not lowered: `bits` has a plain signature and gets a stub that
 * panics when it is reached (as here); `pick` returns a pointer, has no Rust signature, and
 * its caller `first` is not translated. */
#include <stdio.h>

int *pick(int *p) {
    union { int *p; long l; } u;
    u.p = p;
    return u.p;
}

int bits(float f) {
    union { float f; int i; } u;
    u.f = f;
    return u.i;
}

int first(int *p) { return *pick(p); }

int main(void) {
    int x = 7;
    printf("start\n");
    printf("%d\n", bits(2.0f));
    return first(&x);
}
