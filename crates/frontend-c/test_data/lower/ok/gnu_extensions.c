/* GNU C accepted by the frontend: \e escapes, case ranges, __builtin_expect,
 * __builtin_memcpy (mapped to memcpy), __func__, typeof. */
#include <string.h>
const char *bold = "\e[1m";
int grade(int score) {
    switch (score) {
    case 90 ... 100:
        return 'A';
    case 80 ... 89:
        return 'B';
    default:
        return 'F';
    }
}
int copy(char *dst) {
    typeof(dst) p = dst;
    if (__builtin_expect(p == 0, 0))
        return -1;
    __builtin_memcpy(p, __func__, 5);
    return (int)strlen(p);
}
