/* xlate minimal libc: sys/types.h */
#ifndef _XL_SYS_TYPES_H
#define _XL_SYS_TYPES_H
#include <stddef.h>
typedef long ssize_t;
typedef long off_t;
typedef int pid_t;
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;
#endif
