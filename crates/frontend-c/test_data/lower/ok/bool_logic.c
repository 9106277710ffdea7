/* _Bool values, conversions to and from bool, ! on ints, floats and pointers. */
#include <stdbool.h>
bool logic(int x, double d, const char *p) {
    bool a = x;
    bool b = !d;
    bool c = !p;
    int n = a + b;
    a = n > 1;
    return a && !c || b;
}
