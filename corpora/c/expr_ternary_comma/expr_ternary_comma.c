/* Exercises: the conditional operator (nested, as an lvalue-free value in
 * arguments, with mixed int/double arms converting to the common type), and
 * the comma operator in for headers, in conditions and as an expression value.
 * Original program written for this corpus. */
#include <stdio.h>

static int clamp(int v, int lo, int hi) {
    return v < lo ? lo : v > hi ? hi : v;
}

static const char *plural(int n) {
    return n == 1 ? "" : "s";
}

static int ticks;
static int tick(int v) {
    ticks++;
    return v;
}

int main(void) {
    int vals[6] = {-50, -1, 0, 7, 99, 1000};
    for (int i = 0; i < 6; i++)
        printf("clamp(%d)=%d ", vals[i], clamp(vals[i], 0, 100));
    printf("\n");

    for (int n = 0; n < 3; n++)
        printf("%d item%s\n", n, plural(n));

    int a = 3, b = 8;
    int mx = a > b ? a : b;
    int mn = a < b ? a : b;
    double mixed = a > 5 ? 1 : 2.5;          /* common type is double */
    printf("mx=%d mn=%d mixed=%.2f\n", mx, mn, mixed);

    unsigned int u = 1;
    int s = -1;
    long which = (u > 0) ? s : u;            /* common type unsigned int: 4294967295 */
    printf("which=%ld\n", which);

    /* Only the selected arm is evaluated. */
    ticks = 0;
    int t = a > 0 ? tick(10) : tick(20);
    printf("t=%d ticks=%d\n", t, ticks);

    int x = (a++, b++, a + b);               /* comma: value of the last operand */
    printf("x=%d a=%d b=%d\n", x, a, b);

    int i, j, steps = 0;
    for (i = 0, j = 10; i < j; i += 2, j -= 1)
        steps++;
    printf("i=%d j=%d steps=%d\n", i, j, steps);

    int k = 0, total = 0;
    while (k++, total += k, k < 5)
        ;
    printf("k=%d total=%d\n", k, total);

    int y = 0;
    y = (y += 5, y * 3);
    printf("y=%d\n", y);

    int grid = 0;
    for (int r = 0; r < 4; r++)
        for (int c = 0; c < 4; c++)
            grid += (r == c) ? 100 : (r < c) ? 10 : 1;
    printf("grid=%d\n", grid);

    char sign = x > 20 ? '+' : x < 0 ? '-' : '0';
    printf("sign=%c\n", sign);
    return (ticks++, ticks + 1);
}
