/* N-queens by backtracking with column and diagonal occupancy arrays:
 * solution counts for n = 1..8 and the first solution for n = 6 and 8. */
#include <stdio.h>
#include <stdbool.h>

#define MAXN 8

static bool col_used[MAXN];
static bool diag1[2 * MAXN];
static bool diag2[2 * MAXN];
static int queen_col[MAXN];
static int first[MAXN];
static bool have_first;
static long placements;

static int solve(int row, int n)
{
    int c, count = 0;
    if (row == n) {
        if (!have_first) {
            for (c = 0; c < n; c++)
                first[c] = queen_col[c];
            have_first = true;
        }
        return 1;
    }
    for (c = 0; c < n; c++) {
        if (col_used[c] || diag1[row + c] || diag2[row - c + n - 1])
            continue;
        col_used[c] = diag1[row + c] = diag2[row - c + n - 1] = true;
        queen_col[row] = c;
        placements++;
        count += solve(row + 1, n);
        col_used[c] = diag1[row + c] = diag2[row - c + n - 1] = false;
    }
    return count;
}

static void print_board(int n)
{
    int r, c;
    for (r = 0; r < n; r++) {
        for (c = 0; c < n; c++)
            printf("%s", first[r] == c ? " Q" : " .");
        printf("\n");
    }
}

static bool verify(int n)
{
    int i, j;
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++) {
            int dc = first[i] - first[j];
            if (dc == 0 || dc == j - i || dc == i - j)
                return false;
        }
    return true;
}

int main(void)
{
    int n, total = 0;
    for (n = 1; n <= MAXN; n++) {
        int solutions;
        have_first = false;
        placements = 0;
        solutions = solve(0, n);
        total += solutions;
        printf("n=%d: %3d solutions, %5ld placements", n, solutions, placements);
        if (have_first) {
            int i;
            printf(", first:");
            for (i = 0; i < n; i++)
                printf(" %d", first[i] + 1);
            printf(verify(n) ? " (ok)" : " (BAD)");
        }
        printf("\n");
        if (n == 6 || n == 8)
            print_board(n);
    }
    printf("total solutions: %d\n", total);
    return 0;
}
