/* Exercises: long if / else if / else chains, nested ifs, dangling else,
 * early returns, and conditions built from relational and logical operators.
 * Original program written for this corpus (the leap-year and triangle rules are
 * the usual textbook ones). */
#include <stdio.h>

static const char *grade(int score) {
    if (score >= 90)
        return "A";
    else if (score >= 80)
        return "B";
    else if (score >= 70)
        return "C";
    else if (score >= 60)
        return "D";
    else
        return "F";
}

static int is_leap(int y) {
    if (y % 400 == 0)
        return 1;
    if (y % 100 == 0)
        return 0;
    if (y % 4 == 0)
        return 1;
    return 0;
}

static int triangle_kind(int a, int b, int c) {
    if (a <= 0 || b <= 0 || c <= 0)
        return -1;
    if (a + b <= c || a + c <= b || b + c <= a)
        return 0;               /* not a triangle */
    if (a == b && b == c)
        return 3;               /* equilateral */
    else if (a == b || b == c || a == c)
        return 2;               /* isosceles */
    else
        return 1;               /* scalene */
}

static int sign(int x) {
    int s = 0;
    if (x > 0)
        s = 1;
    else if (x < 0)
        s = -1;
    return s;
}

int main(void) {
    int scores[7] = {100, 90, 89, 75, 61, 60, 12};
    for (int i = 0; i < 7; i++)
        printf("%d:%s ", scores[i], grade(scores[i]));
    printf("\n");

    int years[6] = {1900, 2000, 2023, 2024, 2100, 2400};
    int leaps = 0;
    for (int i = 0; i < 6; i++) {
        if (is_leap(years[i])) {
            leaps++;
            printf("%d leap\n", years[i]);
        } else {
            printf("%d common\n", years[i]);
        }
    }

    int tri[6][3] = {{3, 3, 3}, {3, 4, 5}, {2, 2, 3}, {1, 2, 3}, {0, 1, 1}, {5, 3, 5}};
    for (int i = 0; i < 6; i++)
        printf("tri %d %d %d -> %d\n", tri[i][0], tri[i][1], tri[i][2],
               triangle_kind(tri[i][0], tri[i][1], tri[i][2]));

    int x = 5, y = 0;
    if (x > 3)
        if (y > 0)
            printf("both\n");
        else
            printf("dangling else binds to inner if\n");

    int total = 0;
    for (int v = -3; v <= 3; v++)
        total += sign(v) * v;
    printf("total=%d leaps=%d\n", total, leaps);
    return leaps;
}
