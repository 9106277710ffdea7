/* Globals and static locals: an id generator, per-function call counters,
 * a memo table inside a function, and recursion depth tracking. */
#include <stdio.h>

int total_calls = 0;
static int depth = 0, max_depth = 0;
static const char *last_caller = "none";

static int next_id(void)
{
    static int id = 100;
    total_calls++;
    return id++;
}

static unsigned long long fib_memo(int n)
{
    static unsigned long long memo[91];
    static int hits = 0;
    total_calls++;
    if (n < 0) {
        printf("memo hits so far: %d\n", hits);
        return 0;
    }
    if (n < 2)
        return (unsigned long long)n;
    if (memo[n] != 0) {
        hits++;
        return memo[n];
    }
    memo[n] = fib_memo(n - 1) + fib_memo(n - 2);
    return memo[n];
}

static int ackermann(int m, int n)
{
    int r;
    total_calls++;
    if (++depth > max_depth)
        max_depth = depth;
    if (m == 0)
        r = n + 1;
    else if (n == 0)
        r = ackermann(m - 1, 1);
    else
        r = ackermann(m - 1, ackermann(m, n - 1));
    depth--;
    return r;
}

static void log_event(const char *who)
{
    static int count;
    static char previous_initial = '-';
    count++;
    printf("event %d from %s (previous %s, initial %c)\n", count, who, last_caller,
           previous_initial);
    last_caller = who;
    previous_initial = who[0];
}

static int accumulate(int x)
{
    static int sum;
    sum += x;
    return sum;
}

int main(void)
{
    int i, m, n;
    for (i = 0; i < 3; i++)
        printf("id %d\n", next_id());
    log_event("main");
    log_event("worker");
    log_event("timer");

    printf("fib(90) = %llu\n", fib_memo(90));
    printf("fib(50) = %llu\n", fib_memo(50));
    fib_memo(-1);

    for (m = 0; m <= 2; m++)
        for (n = 0; n <= 3; n++) {
            int before = total_calls, result;
            max_depth = 0;
            result = ackermann(m, n);
            printf("A(%d,%d) = %3d  calls=%4d depth=%3d\n", m, n, result,
                   total_calls - before, max_depth);
        }
    for (i = 1; i <= 5; i++)
        printf("%d ", accumulate(i * i));
    i = next_id();
    printf("\nnext id %d, total calls %d, depth now %d\n", i, total_calls, depth);
    log_event("shutdown");
    return 0;
}
