/* K&R definitions, _Complex and setjmp: each fails only its function. */
#include <setjmp.h>
int ok(int x) { return x; }
int kr(a, b) int a; int b; { return a + b; }
double cplx(void) { _Complex double z = 0; return 0; }
jmp_buf env;
int jump(void) { return setjmp(env); }
