/* xlate minimal libc: setjmp.h (calls to setjmp/longjmp are reported unsupported) */
#ifndef _XL_SETJMP_H
#define _XL_SETJMP_H
typedef long jmp_buf[8];
int setjmp(jmp_buf env);
void longjmp(jmp_buf env, int val) __attribute__((__noreturn__));
#endif
