/* Exercises: date arithmetic with integer division and modulo: day of week
 * (Zeller's congruence), days between dates via a day count, printing a
 * month calendar grid with %3d and padding, and leap-year tables.
 * Original program written for this corpus (Zeller's congruence, 1882). */
#include <stdio.h>

static const char *const day_names[7] = {"Sa", "Su", "Mo", "Tu", "We", "Th", "Fr"};

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int month_days(int y, int m) {
    static const int d[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : d[m - 1];
}

/* 0 = Saturday, 1 = Sunday, ... 6 = Friday. */
static int zeller(int y, int m, int d) {
    if (m < 3) {
        m += 12;
        y -= 1;
    }
    int k = y % 100, j = y / 100;
    return (d + 13 * (m + 1) / 5 + k + k / 4 + j / 4 + 5 * j) % 7;
}

static long day_number(int y, int m, int d) {
    long n = 0;
    for (int yy = 1900; yy < y; yy++)
        n += is_leap(yy) ? 366 : 365;
    for (int mm = 1; mm < m; mm++)
        n += month_days(y, mm);
    return n + d;
}

static void print_month(int y, int m) {
    printf("    %04d-%02d\n", y, m);
    for (int i = 1; i <= 7; i++)
        printf("%3s", day_names[i % 7]);
    printf("\n");
    int first = (zeller(y, m, 1) + 6) % 7;   /* 0 = Sunday */
    for (int i = 0; i < first; i++)
        printf("   ");
    for (int d = 1; d <= month_days(y, m); d++) {
        printf("%3d", d);
        if ((first + d) % 7 == 0)
            printf("\n");
    }
    if ((first + month_days(y, m)) % 7 != 0)
        printf("\n");
}

int main(void) {
    int dates[5][3] = {{2000, 1, 1}, {1969, 7, 20}, {2024, 2, 29}, {1999, 12, 31}, {2038, 1, 19}};
    for (int i = 0; i < 5; i++)
        printf("%04d-%02d-%02d is %s\n", dates[i][0], dates[i][1], dates[i][2],
               day_names[zeller(dates[i][0], dates[i][1], dates[i][2])]);
    long a = day_number(1969, 7, 20), b = day_number(2000, 1, 1);
    printf("days between=%ld\n", b - a);
    print_month(2024, 2);
    print_month(2023, 10);
    int leaps = 0;
    for (int y = 1900; y <= 2100; y++)
        leaps += is_leap(y);
    printf("leap years 1900..2100: %d\n", leaps);
    return zeller(2024, 2, 29);
}
