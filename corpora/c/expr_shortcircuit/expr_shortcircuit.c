/* Exercises: && and || short-circuit evaluation with side effects (calls
 * that log and count), logical not, using && to guard an array index, results
 * of logical operators as int values (0/1), and mixing && with || precedence.
 * Original program written for this corpus. */
#include <stdio.h>

static int calls;
static int log_mask;

static int t(int id) {
    calls++;
    log_mask |= 1 << id;
    printf("t%d ", id);
    return 1;
}

static int f(int id) {
    calls++;
    log_mask |= 1 << id;
    printf("f%d ", id);
    return 0;
}

static void report(const char *what, int v) {
    printf("=> %s=%d calls=%d mask=%x\n", what, v, calls, log_mask);
    calls = 0;
    log_mask = 0;
}

int main(void) {
    int r;
    r = f(0) && t(1);
    report("f&&t", r);
    r = t(0) && f(1) && t(2);
    report("t&&f&&t", r);
    r = t(0) || f(1);
    report("t||f", r);
    r = f(0) || f(1) || t(2) || t(3);
    report("f||f||t||t", r);
    r = (f(0) && t(1)) || t(2);
    report("f&&t||t", r);
    r = t(0) || (t(1) && f(2));
    report("t||t&&f", r);
    r = !f(0) && !t(1);
    report("!f&&!t", r);

    int arr[5] = {4, 8, 15, 16, 23};
    int idx = 7;
    int safe = idx < 5 && arr[idx] > 10;   /* index never evaluated */
    printf("safe=%d\n", safe);
    idx = 2;
    safe = idx < 5 && arr[idx] > 10;
    printf("safe=%d\n", safe);

    int n = 0, m = 0;
    if (n++ || m++)
        printf("not printed\n");
    printf("n=%d m=%d\n", n, m);
    if (n++ || m++)
        printf("printed, m untouched: n=%d m=%d\n", n, m);

    int x = 5;
    printf("values: %d %d %d %d\n", x && 0, x || 0, !x, !!x);
    printf("cmp: %d %d %d\n", (x > 3) + (x > 4) + (x > 5), x == 5, (x != 5) * 10);

    int found = 0;
    for (int i = 0; i < 5 && !found; i++)
        found = arr[i] % 5 == 0 ? i + 1 : 0;
    printf("found=%d\n", found);
    return found;
}
