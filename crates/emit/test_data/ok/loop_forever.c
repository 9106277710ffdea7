/* `while (1)` and `for (;;)` with breaks: emitted as `loop`, not `while true`. */
#include <stdio.h>

int main(void) {
    int n = 27, steps = 0;
    while (1) {
        if (n == 1)
            break;
        n = n % 2 == 0 ? n / 2 : 3 * n + 1;
        steps++;
    }
    int i = 0;
    for (;;) {
        if (++i > 5)
            break;
        printf("%d ", i);
    }
    printf("steps=%d\n", steps);
    return 0;
}
