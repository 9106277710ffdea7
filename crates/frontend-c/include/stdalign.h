/* xlate minimal libc: stdalign.h */
#ifndef _XL_STDALIGN_H
#define _XL_STDALIGN_H
#define alignas _Alignas
#define alignof _Alignof
#endif
