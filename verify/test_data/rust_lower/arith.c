/* Integer and float arithmetic, casts, compound assignment. */
int add(int a, int b) { return a + b; }
unsigned int uadd(unsigned int a, unsigned int b) { return a + b; }
int divide(int a, int b) { return a / b + a % b; }
long shifts(long x, int n) { return (x << 3) ^ (x >> n) ^ (long)((unsigned long)x >> 60); }
unsigned long mix(unsigned long a, unsigned char c) { return a * 31 + c; }
double avg(int a, int b) { return (a + b) / 2.0; }
int to_int(double d) { return (int)d; }
int neg(int x) { int y = -x; y *= 3; y -= 1; return ~y; }
int main(void) { return add(1, 2) + (int)uadd(3u, 4u) + divide(9, 2) + to_int(avg(3, 4)); }
