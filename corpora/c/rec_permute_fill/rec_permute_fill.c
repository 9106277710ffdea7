/* Exercises: recursion over arrays: generating permutations in lexicographic
 * order with a used[] table, counting derangements, a recursive flood fill on
 * a global 2-D char grid, and the recursion depth reached.
 * Original program written for this corpus. */
#include <stdio.h>

static int perm[6];
static int used[6];
static int printed, derangements;

static void permute(int pos, int n) {
    if (pos == n) {
        int fixed = 0;
        for (int i = 0; i < n; i++)
            if (perm[i] == i)
                fixed = 1;
        if (!fixed)
            derangements++;
        if (printed < 8) {
            for (int i = 0; i < n; i++)
                putchar('1' + perm[i]);
            putchar(printed % 4 == 3 ? '\n' : ' ');
            printed++;
        }
        return;
    }
    for (int v = 0; v < n; v++) {
        if (used[v])
            continue;
        used[v] = 1;
        perm[pos] = v;
        permute(pos + 1, n);
        used[v] = 0;
    }
}

static char grid[7][10] = {
    "##########",
    "#..#.....#",
    "#..#.###.#",
    "####.#.#.#",
    "#....#.#.#",
    "#.####...#",
    "##########",
};
static int max_depth;

static int fill(int r, int c, char mark, int depth) {
    if (r < 0 || r >= 7 || c < 0 || c >= 10 || grid[r][c] != '.')
        return 0;
    if (depth > max_depth)
        max_depth = depth;
    grid[r][c] = mark;
    return 1 + fill(r + 1, c, mark, depth + 1) + fill(r - 1, c, mark, depth + 1) +
           fill(r, c + 1, mark, depth + 1) + fill(r, c - 1, mark, depth + 1);
}

int main(void) {
    permute(0, 4);
    printf("derangements(4)=%d\n", derangements);
    printed = 8;
    derangements = 0;
    permute(0, 6);
    printf("derangements(6)=%d\n", derangements);

    int a = fill(1, 1, 'a', 0);
    int b = fill(1, 4, 'b', 0);
    int c = fill(3, 6, 'c', 0);
    int d = fill(1, 1, 'd', 0);
    printf("regions: %d %d %d %d depth=%d\n", a, b, c, d, max_depth);
    for (int r = 0; r < 7; r++) {
        for (int col = 0; col < 10; col++)
            putchar(grid[r][col]);
        putchar('\n');
    }
    return a + b;
}
