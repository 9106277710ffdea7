/* Exercises: nested loops left early through a flag variable, break out of
 * the inner loop only, continue in the outer loop, search for a pair with a
 * target sum, and triple nested loops (Pythagorean triples).
 * Original program written for this corpus. */
#include <stdio.h>

int main(void) {
    int grid[4][5] = {
        {3, 8, 1, 9, 4},
        {7, 2, 6, 5, 0},
        {1, 1, 42, 3, 8},
        {9, 9, 9, 9, 9},
    };

    int found = 0, fr = -1, fc = -1;
    for (int r = 0; r < 4 && !found; r++) {
        for (int c = 0; c < 5; c++) {
            if (grid[r][c] == 42) {
                found = 1;
                fr = r;
                fc = c;
                break;
            }
        }
    }
    printf("found=%d at (%d,%d)\n", found, fr, fc);

    /* Rows whose first zero ends the scan of that row only. */
    for (int r = 0; r < 4; r++) {
        int s = 0;
        for (int c = 0; c < 5; c++) {
            if (grid[r][c] == 0)
                break;
            s += grid[r][c];
        }
        printf("row %d partial sum %d\n", r, s);
    }

    int vals[8] = {12, 5, 19, 3, 8, 14, 7, 1};
    int target = 22, pi = -1, pj = -1;
    int done = 0;
    for (int i = 0; i < 8; i++) {
        if (done)
            break;
        for (int j = i + 1; j < 8; j++) {
            if (vals[i] + vals[j] == target) {
                pi = i;
                pj = j;
                done = 1;
                break;
            }
        }
    }
    printf("pair %d+%d=%d at %d,%d\n", pi >= 0 ? vals[pi] : 0, pj >= 0 ? vals[pj] : 0, target,
           pi, pj);

    int triples = 0;
    for (int a = 1; a < 30; a++) {
        for (int b = a; b < 30; b++) {
            for (int c = b; c < 40; c++) {
                if (a * a + b * b == c * c) {
                    triples++;
                    if (triples <= 5)
                        printf("(%d,%d,%d) ", a, b, c);
                    break;   /* no larger c can match this a, b */
                }
                if (a * a + b * b < c * c)
                    break;
            }
        }
    }
    printf("\ntriples=%d\n", triples);

    int odd_rows = 0;
    for (int r = 0; r < 4; r++) {
        if (grid[r][0] % 2 == 0)
            continue;
        odd_rows++;
    }
    printf("odd_rows=%d\n", odd_rows);
    return found ? 0 : 1;
}
