/* xlate minimal libc: time.h */
#ifndef _XL_TIME_H
#define _XL_TIME_H
#include <stddef.h>
typedef long time_t;
typedef long clock_t;
#define CLOCKS_PER_SEC 1000000L
struct tm {
    int tm_sec;
    int tm_min;
    int tm_hour;
    int tm_mday;
    int tm_mon;
    int tm_year;
    int tm_wday;
    int tm_yday;
    int tm_isdst;
};
time_t time(time_t *t);
clock_t clock(void);
double difftime(time_t a, time_t b);
#endif
