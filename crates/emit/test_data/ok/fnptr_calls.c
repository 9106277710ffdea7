/* Function pointers: a table, a callback taking a pointer, comparison, a pointer chosen
 * at run time, a struct field holding a function. */
#include <stdio.h>

typedef int (*binop)(int, int);
struct acc { int total; int count; };
typedef void (*visitor)(struct acc *, int);

static int add(int a, int b) { return a + b; }
static int mul(int a, int b) { return a * b; }
static int maxi(int a, int b) { return a > b ? a : b; }

static void count_even(struct acc *s, int v) { if (v % 2 == 0) { s->total += v; s->count++; } }
static void count_all(struct acc *s, int v) { s->total += v; s->count++; }

static void each(const int *a, int n, visitor f, struct acc *s) {
    for (int i = 0; i < n; i++) f(s, a[i]);
}

struct op { char sym; binop fn; };
static const struct op ops[3] = {{'+', add}, {'*', mul}, {'M', maxi}};

static binop find(char c) {
    for (int i = 0; i < 3; i++)
        if (ops[i].sym == c) return ops[i].fn;
    return add;
}

int main(void) {
    int data[5] = {4, 7, 10, 3, 8};
    struct acc e = {0, 0}, all = {0, 0};
    each(data, 5, count_even, &e);
    each(data, 5, count_all, &all);
    printf("even=%d/%d all=%d/%d\n", e.total, e.count, all.total, all.count);
    int r = 1;
    const char *prog = "+*M+";
    for (int i = 0; prog[i] != '\0'; i++) {
        binop f = find(prog[i]);
        r = f(r, data[i]);
        printf("%c -> %d\n", prog[i], r);
    }
    binop g = find('*');
    printf("g==mul %d g==add %d\n", g == mul, g == add);
    return r % 50;
}
