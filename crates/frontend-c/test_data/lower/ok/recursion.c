/* Recursion and mutual recursion with prototypes. */
static int is_odd(unsigned n);
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }
long fact(int n) { return n <= 1 ? 1 : n * fact(n - 1); }
int rec(void) { return is_even(10) + (int)fact(5); }
