/* Exercises: callbacks passed as function-pointer parameters: map over an
 * array, fold/reduce, a predicate filter-count, a sort parameterised by a
 * comparison function, and a numerical fixed-point iteration on doubles.
 * Original program written for this corpus. */
#include <stdio.h>

static void map(int *a, int n, int (*f)(int)) {
    for (int i = 0; i < n; i++)
        a[i] = f(a[i]);
}

static int fold(const int *a, int n, int init, int (*f)(int, int)) {
    int acc = init;
    for (int i = 0; i < n; i++)
        acc = f(acc, a[i]);
    return acc;
}

static int count(const int *a, int n, int (*pred)(int)) {
    int c = 0;
    for (int i = 0; i < n; i++)
        if (pred(a[i]))
            c++;
    return c;
}

static void sort(int *a, int n, int (*cmp)(int, int)) {
    for (int i = 1; i < n; i++) {
        int v = a[i], j = i - 1;
        while (j >= 0 && cmp(a[j], v) > 0) {
            a[j + 1] = a[j];
            j--;
        }
        a[j + 1] = v;
    }
}

static double iterate(double (*f)(double), double x, int steps) {
    for (int i = 0; i < steps; i++)
        x = f(x);
    return x;
}

static int square_minus(int x) { return x * x - 10; }
static int negate(int x) { return -x; }
static int add(int a, int b) { return a + b; }
static int max(int a, int b) { return a > b ? a : b; }
static int is_neg(int x) { return x < 0; }
static int is_even(int x) { return x % 2 == 0; }
static int ascending(int a, int b) { return (a > b) - (a < b); }
static int descending(int a, int b) { return ascending(b, a); }
static int by_abs(int a, int b) { return ascending(a < 0 ? -a : a, b < 0 ? -b : b); }
static double babylon2(double x) { return (x + 2.0 / x) / 2.0; }

static void show(const char *label, const int *a, int n) {
    printf("%s:", label);
    for (int i = 0; i < n; i++)
        printf(" %d", a[i]);
    printf("\n");
}

int main(void) {
    int a[7] = {3, -1, 4, -1, 5, -9, 2};
    map(a, 7, square_minus);
    show("mapped", a, 7);
    printf("sum=%d max=%d neg=%d even=%d\n", fold(a, 7, 0, add), fold(a, 7, -1000, max),
           count(a, 7, is_neg), count(a, 7, is_even));
    sort(a, 7, ascending);
    show("asc", a, 7);
    sort(a, 7, descending);
    show("desc", a, 7);
    map(a, 7, negate);
    sort(a, 7, by_abs);
    show("by_abs", a, 7);
    printf("sqrt2~%.12f\n", iterate(babylon2, 1.0, 6));
    return count(a, 7, is_neg);
}
