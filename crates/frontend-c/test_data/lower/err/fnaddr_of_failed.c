/* A function taking the address of a function that fails also fails; a call to it is by
 * name; a table holding it becomes null with a warning. */
int broken(int x) { union { int i; float f; } u; u.i = x; return u.i; }
int caller(int x) { return broken(x) + 1; }
int taker(void) { int (*f)(int) = broken; return f(1); }
int (*table[1])(int) = {broken};
