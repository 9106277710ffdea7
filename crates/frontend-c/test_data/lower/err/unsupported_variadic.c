#include <stdarg.h>
int ok(int x) { return x; }
int sum(int n, ...) {
    va_list ap;
    va_start(ap, n);
    int s = va_arg(ap, int);
    va_end(ap);
    return s;
}
int main(void) { return ok(1) + sum(1, 2); }
