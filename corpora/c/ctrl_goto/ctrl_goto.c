/* Exercises: goto forward (single-exit cleanup pattern, skipping code),
 * goto backward (a loop written with labels), goto out of nested loops, and
 * labels that are reached both by fallthrough and by jumps.
 * Original program written for this corpus. */
#include <stdio.h>

static int checked_steps(int a, int b) {
    int status = 0;
    int log = 0;
    if (a < 0) {
        status = 1;
        goto out;
    }
    log += a;
    if (b == 0) {
        status = 2;
        goto out;
    }
    log += a / b;
out:
    printf("checked(%d,%d): status=%d log=%d\n", a, b, status, log);
    return status;
}

static int label_loop(int n) {
    int i = 0, acc = 0;
again:
    if (i >= n)
        goto finished;
    acc += i * i;
    i++;
    goto again;
finished:
    return acc;
}

static int find_in_grid(int target) {
    int g[3][4] = {{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}};
    int r, c;
    for (r = 0; r < 3; r++)
        for (c = 0; c < 4; c++)
            if (g[r][c] == target)
                goto hit;
    return -1;
hit:
    return r * 10 + c;
}

static int retry(int fail_times) {
    int attempts = 0;
start:
    attempts++;
    if (attempts <= fail_times) {
        printf("attempt %d failed\n", attempts);
        goto start;
    }
    printf("attempt %d ok\n", attempts);
    return attempts;
}

int main(void) {
    int s = 0;
    s += checked_steps(10, 3);
    s += checked_steps(-1, 3);
    s += checked_steps(10, 0);
    printf("s=%d\n", s);
    printf("label_loop(5)=%d label_loop(0)=%d\n", label_loop(5), label_loop(0));
    printf("find 7=%d find 12=%d find 99=%d\n", find_in_grid(7), find_in_grid(12),
           find_in_grid(99));
    int a = retry(3);

    int k = 0;
    goto middle;
top:
    k += 100;
middle:
    k++;
    if (k < 250)
        goto top;
    printf("k=%d\n", k);
    return a + s;
}
