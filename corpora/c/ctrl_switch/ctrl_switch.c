/* Exercises: switch with fallthrough between cases, default placed in the
 * middle of the cases, cases grouped on one body, switch inside loops with
 * break vs continue, a switch on a char, and a switch without default.
 * Original program written for this corpus (Duff-like unrolled counting is a classic idea). */
#include <stdio.h>

static int days_left_bonus(int level) {
    int bonus = 0;
    switch (level) {
    case 3:
        bonus += 100;   /* fallthrough */
    case 2:
        bonus += 10;    /* fallthrough */
    case 1:
        bonus += 1;
        break;
    default:
        bonus = -1;
        break;
    }
    return bonus;
}

static const char *classify(int v) {
    switch (v % 5) {
    case 0:
        return "zero";
    default:
        return "other";
    case 1:
    case -1:
        return "one";
    case 2:
        return "two";
    }
}

static int vowel_score(char c) {
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u':
        return 1;
    case 'y':
        return 2;
    }
    return 0;
}

int main(void) {
    for (int l = 0; l <= 4; l++)
        printf("bonus(%d)=%d\n", l, days_left_bonus(l));

    for (int v = -3; v <= 7; v++)
        printf("%s ", classify(v));
    printf("\n");

    char word[] = "everyday obligations";
    int score = 0;
    for (int i = 0; word[i] != '\0'; i++)
        score += vowel_score(word[i]);
    printf("score=%d\n", score);

    int evens = 0, odds = 0, skipped = 0;
    for (int i = 0; i < 20; i++) {
        switch (i % 4) {
        case 0:
            evens++;
            break;
        case 3:
            skipped++;
            continue;   /* continue applies to the for loop */
        default:
            if (i % 2)
                odds++;
            else
                evens++;
        }
        if (i > 15)
            printf("tail %d\n", i);
    }
    printf("evens=%d odds=%d skipped=%d\n", evens, odds, skipped);

    /* Unrolled count: remainder handled by falling through. */
    int n = 11, count = 0;
    switch (n % 4) {
    case 3: count++; /* fallthrough */
    case 2: count++; /* fallthrough */
    case 1: count++; /* fallthrough */
    case 0: break;
    }
    for (int k = 0; k < n / 4; k++)
        count += 4;
    printf("count=%d\n", count);
    return count == n ? 0 : 1;
}
