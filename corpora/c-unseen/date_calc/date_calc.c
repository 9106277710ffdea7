/* Date calculations: leap years, day of year, day of week, days between
 * dates, adding days, and printing a month calendar. */
#include <stdio.h>
#include <stdbool.h>

typedef struct {
    int year;
    int month; /* 1..12 */
    int day;
} Date;

enum Weekday { SUN, MON, TUE, WED, THU, FRI, SAT };

static const char *const month_names[12] = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"
};
static const char *const day_names[7] = { "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat" };
static const int month_days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    return (m == 2 && is_leap(y)) ? 29 : month_days[m - 1];
}

static int day_of_year(Date d)
{
    int m, n = d.day;
    for (m = 1; m < d.month; m++)
        n += days_in_month(d.year, m);
    return n;
}

/* Sakamoto's method. */
static enum Weekday day_of_week(Date d)
{
    static const int t[] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
    int y = d.year - (d.month < 3);
    return (enum Weekday)((y + y / 4 - y / 100 + y / 400 + t[d.month - 1] + d.day) % 7);
}

/* Days since 1970-01-01 (may be negative). */
static long days_from_epoch(Date d)
{
    long days = 0;
    int y;
    if (d.year >= 1970)
        for (y = 1970; y < d.year; y++)
            days += is_leap(y) ? 366 : 365;
    else
        for (y = d.year; y < 1970; y++)
            days -= is_leap(y) ? 366 : 365;
    return days + day_of_year(d) - 1;
}

static Date add_days(Date d, int n)
{
    while (n > 0) {
        int left = days_in_month(d.year, d.month) - d.day;
        if (n <= left) {
            d.day += n;
            break;
        }
        n -= left + 1;
        d.day = 1;
        if (++d.month > 12) {
            d.month = 1;
            d.year++;
        }
    }
    return d;
}

static void print_date(Date d)
{
    printf("%04d-%02d-%02d (%s)", d.year, d.month, d.day, day_names[day_of_week(d)]);
}

static void print_calendar(int year, int month)
{
    Date first = { year, month, 1 };
    int start = (int)day_of_week(first), dim = days_in_month(year, month), i;
    printf("   %s %d\n", month_names[month - 1], year);
    for (i = 0; i < 7; i++)
        printf("%3.2s", day_names[i]);
    putchar('\n');
    for (i = 0; i < start; i++)
        printf("   ");
    for (i = 1; i <= dim; i++) {
        printf("%3d", i);
        if ((start + i) % 7 == 0 || i == dim)
            putchar('\n');
    }
}

int main(void)
{
    const int years[] = { 1900, 1996, 2000, 2023, 2024, 2100 };
    Date dates[] = { {1970, 1, 1}, {1969, 7, 20}, {2000, 2, 29}, {2024, 12, 31}, {1999, 12, 31} };
    size_t i;
    Date d;

    for (i = 0; i < sizeof years / sizeof years[0]; i++)
        printf("%d: %s, Feb has %d days\n", years[i], is_leap(years[i]) ? "leap" : "common",
               days_in_month(years[i], 2));
    for (i = 0; i < sizeof dates / sizeof dates[0]; i++) {
        print_date(dates[i]);
        printf(" doy=%3d epoch=%6ld\n", day_of_year(dates[i]), days_from_epoch(dates[i]));
    }
    printf("days between moon landing and Y2K eve: %ld\n",
           days_from_epoch(dates[4]) - days_from_epoch(dates[1]));
    d = dates[2];
    for (i = 0; i < 4; i++) {
        d = add_days(d, 100);
        printf("+100 days -> ");
        print_date(d);
        putchar('\n');
    }
    print_calendar(2024, 2);
    print_calendar(2023, 10);
    return 0;
}
