/* Exercises: backtracking recursion with global arrays (N-queens counting
 * for N = 1..9, printing the first 8-queens solution as a board), and a
 * subset-sum search with recursion over an array parameter.
 * Original program written for this corpus (N-queens is a classic puzzle). */
#include <stdio.h>

#define MAXN 10

static int col_of_row[MAXN];
static int used_col[MAXN];
static int used_d1[2 * MAXN];
static int used_d2[2 * MAXN];
static int solutions;
static int printed;

static void show_board(int n) {
    for (int r = 0; r < n; r++) {
        for (int c = 0; c < n; c++)
            putchar(col_of_row[r] == c ? 'Q' : '.');
        putchar('\n');
    }
}

static void place(int row, int n) {
    if (row == n) {
        solutions++;
        if (n == 8 && !printed) {
            show_board(n);
            printed = 1;
        }
        return;
    }
    for (int c = 0; c < n; c++) {
        if (used_col[c] || used_d1[row + c] || used_d2[row - c + n])
            continue;
        used_col[c] = used_d1[row + c] = used_d2[row - c + n] = 1;
        col_of_row[row] = c;
        place(row + 1, n);
        used_col[c] = used_d1[row + c] = used_d2[row - c + n] = 0;
    }
}

static int subset_count(const int items[], int n, int i, int target) {
    if (target == 0)
        return 1;
    if (i == n || target < 0)
        return 0;
    return subset_count(items, n, i + 1, target - items[i]) +
           subset_count(items, n, i + 1, target);
}

int main(void) {
    int total = 0;
    for (int n = 1; n <= 9; n++) {
        solutions = 0;
        place(0, n);
        printf("queens(%d)=%d\n", n, solutions);
        total += solutions;
    }
    int items[10] = {3, 34, 4, 12, 5, 2, 7, 8, 1, 9};
    for (int t = 10; t <= 40; t += 10)
        printf("subsets summing to %d: %d\n", t, subset_count(items, 10, 0, t));
    printf("total=%d\n", total);
    return total % 256;
}
