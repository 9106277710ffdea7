/* One translatable function and a variadic function definition using va_list. */
#include <stdarg.h>

int max2(int a, int b) {
    return a > b ? a : b;
}

int sum_all(int count, ...) {
    va_list ap;
    int total = 0;
    va_start(ap, count);
    for (int i = 0; i < count; i++)
        total += va_arg(ap, int);
    va_end(ap);
    return total;
}

int main(void) {
    return max2(1, 2) + sum_all(3, 1, 2, 3);
}
