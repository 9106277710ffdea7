/* Context for rust_only.input.rs: hand-written Rust in the emitter's style using constructs
   the emitter rarely produces. Only the names matter here. */
static int table[4];
int f_abs(int x) { return x; }
int f_wdiv(int a, int b) { return a; }
unsigned long f_umul(unsigned long a, unsigned long b) { return a; }
unsigned int f_usub(unsigned int a, unsigned int b) { return a; }
int f_ftoi(double d) { return (int)d; }
unsigned char f_ftou8(float d) { return (unsigned char)d; }
int f_match(int x) { return x; }
int f_loop(int n) { return n; }
int f_slice(int *a, int n) { table[0] = a[0]; return n; }
int f_minmax(int a, int b) { return a; }
int f_borrow(int k) { table[k] = 1; return table[k]; }
int f_unsupported(int k) { return k; }
int main(void) { return 0; }
