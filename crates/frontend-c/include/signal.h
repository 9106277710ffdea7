/* xlate minimal libc: signal.h */
#ifndef _XL_SIGNAL_H
#define _XL_SIGNAL_H
typedef int sig_atomic_t;
typedef void (*__sighandler_t)(int);
#define SIGINT 2
#define SIGILL 4
#define SIGABRT 6
#define SIGFPE 8
#define SIGSEGV 11
#define SIGTERM 15
#define SIG_DFL ((__sighandler_t)0)
#define SIG_IGN ((__sighandler_t)1)
__sighandler_t signal(int sig, __sighandler_t handler);
int raise(int sig);
#endif
