/* xlate minimal libc: stdnoreturn.h */
#ifndef _XL_STDNORETURN_H
#define _XL_STDNORETURN_H
#define noreturn _Noreturn
#endif
