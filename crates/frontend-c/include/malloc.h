/* xlate minimal libc: malloc.h */
#include <stdlib.h>
