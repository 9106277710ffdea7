/* Temperature conversion tables (Celsius, Fahrenheit, Kelvin), a weekly
 * statistics summary, and a wind-chill table using math.h. */
#include <stdio.h>
#include <math.h>

#define DAYS 7

static double c_to_f(double c) { return c * 9.0 / 5.0 + 32.0; }
static double f_to_c(double f) { return (f - 32.0) * 5.0 / 9.0; }
static double c_to_k(double c) { return c + 273.15; }

static double wind_chill(double temp_c, double wind_kmh)
{
    double v = pow(wind_kmh, 0.16);
    return 13.12 + 0.6215 * temp_c - 11.37 * v + 0.3965 * temp_c * v;
}

int main(void)
{
    const char *days[DAYS] = { "Monday", "Tuesday", "Wednesday", "Thursday",
                               "Friday", "Saturday", "Sunday" };
    const float highs[DAYS] = { 21.5f, 23.0f, 19.75f, 17.2f, 25.4f, 28.1f, 26.0f };
    const float lows[DAYS] = { 12.0f, 13.5f, 11.25f, 9.8f, 14.6f, 16.0f, 15.3f };
    int c, f, i;
    double sum = 0.0, sq = 0.0, mean, stddev;
    int hottest = 0;

    printf("%8s %8s %8s\n", "Celsius", "Fahr", "Kelvin");
    for (c = -40; c <= 100; c += 20)
        printf("%8d %8.2f %8.2f\n", c, c_to_f(c), c_to_k(c));
    printf("\n%6s %7s\n", "Fahr", "Celsius");
    for (f = 0; f <= 300; f += 50)
        printf("%6d %7.1f\n", f, f_to_c(f));

    printf("\n%-10s %6s %6s %6s\n", "Day", "High", "Low", "Avg");
    for (i = 0; i < DAYS; i++) {
        double avg = (highs[i] + lows[i]) / 2.0;
        printf("%-10s %6.2f %6.2f %6.2f\n", days[i], highs[i], lows[i], avg);
        sum += avg;
        sq += avg * avg;
        if (highs[i] > highs[hottest])
            hottest = i;
    }
    mean = sum / DAYS;
    stddev = sqrt(sq / DAYS - mean * mean);
    printf("mean %.3f, stddev %.3f, hottest %s (%.1fF)\n", mean, stddev, days[hottest],
           c_to_f(highs[hottest]));

    printf("\nwind chill (C)\n%6s", "wind");
    for (c = 0; c >= -30; c -= 10)
        printf("%7d", c);
    putchar('\n');
    for (i = 10; i <= 50; i += 20) {
        printf("%6d", i);
        for (c = 0; c >= -30; c -= 10)
            printf("%7.1f", wind_chill(c, i));
        putchar('\n');
    }
    printf("rounded: %.0f %.0f %.0f, floor %.1f ceil %.1f\n", 2.5, 3.5, -2.5, floor(-2.5),
           ceil(-2.5));
    printf("fabs(%.2f) = %5.2f, fmod = %.3f\n", -7.125, fabs(-7.125), fmod(10.0, 3.0));
    return 0;
}
