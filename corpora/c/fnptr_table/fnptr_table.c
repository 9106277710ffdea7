/* Exercises: function pointers: a table (array) of operations indexed at run
 * time, a struct pairing names with function pointers, a typedef'd function
 * pointer type, comparing function pointers, and a pointer returned from a
 * selector function. Original program written for this corpus. */
#include <stdio.h>

typedef int (*binop)(int, int);

static int op_add(int a, int b) { return a + b; }
static int op_sub(int a, int b) { return a - b; }
static int op_mul(int a, int b) { return a * b; }
static int op_max(int a, int b) { return a > b ? a : b; }
static int op_mod(int a, int b) { return b == 0 ? 0 : a % b; }

struct named_op {
    char symbol;
    binop fn;
};

static const struct named_op ops[5] = {
    {'+', op_add}, {'-', op_sub}, {'*', op_mul}, {'M', op_max}, {'%', op_mod},
};

static binop lookup(char symbol) {
    for (int i = 0; i < 5; i++)
        if (ops[i].symbol == symbol)
            return ops[i].fn;
    return op_add;
}

int main(void) {
    int (*table[4])(int, int) = {op_add, op_sub, op_mul, op_max};
    int x = 17, y = 5;
    for (int i = 0; i < 4; i++)
        printf("table[%d](%d,%d)=%d\n", i, x, y, table[i](x, y));

    for (int i = 0; i < 5; i++)
        printf("%d %c %d = %d\n", x, ops[i].symbol, y, ops[i].fn(x, y));

    /* Interpret a tiny program: operator symbols applied to an accumulator. */
    char prog[] = "+*-M%";
    int args[5] = {3, 4, 10, 50, 7};
    int acc = 1;
    for (int i = 0; prog[i] != '\0'; i++) {
        binop f = lookup(prog[i]);
        acc = f(acc, args[i]);
        printf("after %c %d: %d\n", prog[i], args[i], acc);
    }

    binop g = lookup('*');
    printf("g==op_mul: %d g==op_add: %d\n", g == op_mul, g == op_add);
    printf("unknown symbol -> add: %d\n", lookup('?') == op_add);

    binop chosen = (acc > 3) ? op_sub : op_add;
    int r = chosen(acc, 3);
    printf("r=%d\n", r);
    int (*direct)(int, int) = &op_max;
    printf("direct=%d deref=%d\n", direct(2, 9), (*direct)(11, 9));
    return r;
}
