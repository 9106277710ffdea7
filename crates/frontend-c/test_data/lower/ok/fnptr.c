/* Function pointers: typedef, tables, calls through pointers, comparisons, callbacks. */
typedef int (*binop)(int, int);
static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static binop ops[2] = {add, sub};
int apply(binop f, int a, int b) { return f(a, b); }
int (*choose(int k))(int, int) { return k ? sub : add; }
int fp(void) {
    binop g = ops[1];
    int r = apply(add, 1, 2) + (*g)(5, 3) + choose(1)(9, 4);
    if (g == sub)
        r++;
    return r;
}
