static int count = 2;
static int helper(int x) { return x * count; }
int from_b(int x) { return helper(x); }
int from_a(int x);
int main(void) { return from_a(1) + from_b(2); }
