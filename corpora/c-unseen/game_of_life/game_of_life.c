/* Conway's Game of Life on a small toroidal grid: a glider, a blinker
 * and a block, printed for a few generations with population counts. */
#include <stdio.h>
#include <stdbool.h>
#include <string.h>

#define ROWS 10
#define COLS 12

static bool grid[ROWS][COLS];
static bool scratch[ROWS][COLS];

static int neighbours(int r, int c)
{
    int dr, dc, n = 0;
    for (dr = -1; dr <= 1; dr++)
        for (dc = -1; dc <= 1; dc++) {
            int rr, cc;
            if (dr == 0 && dc == 0)
                continue;
            rr = (r + dr + ROWS) % ROWS;
            cc = (c + dc + COLS) % COLS;
            if (grid[rr][cc])
                n++;
        }
    return n;
}

static int step(void)
{
    int r, c, changes = 0;
    for (r = 0; r < ROWS; r++)
        for (c = 0; c < COLS; c++) {
            int n = neighbours(r, c);
            bool alive = grid[r][c] ? (n == 2 || n == 3) : (n == 3);
            if (alive != grid[r][c])
                changes++;
            scratch[r][c] = alive;
        }
    memcpy(grid, scratch, sizeof grid);
    return changes;
}

static int population(void)
{
    int r, c, p = 0;
    for (r = 0; r < ROWS; r++)
        for (c = 0; c < COLS; c++)
            p += grid[r][c];
    return p;
}

static void show(int gen)
{
    int r, c;
    printf("generation %d, population %d\n", gen, population());
    for (r = 0; r < ROWS; r++) {
        for (c = 0; c < COLS; c++)
            putchar(grid[r][c] ? '#' : '.');
        putchar('\n');
    }
}

static void place(const char *const pattern[], int rows, int top, int left)
{
    int r, c;
    for (r = 0; r < rows; r++)
        for (c = 0; pattern[r][c] != '\0'; c++)
            grid[(top + r) % ROWS][(left + c) % COLS] = pattern[r][c] == 'O';
}

int main(void)
{
    static const char *const glider[] = { ".O.", "..O", "OOO" };
    static const char *const blinker[] = { "OOO" };
    static const char *const block[] = { "OO", "OO" };
    int gen, changes = 0;
    long signature = 0;

    place(glider, 3, 0, 0);
    place(blinker, 1, 2, 8);
    place(block, 2, 7, 9);
    show(0);
    for (gen = 1; gen <= 8; gen++) {
        changes = step();
        if (gen % 4 == 0)
            show(gen);
        else
            printf("generation %d: %d cells changed\n", gen, changes);
    }
    for (gen = 9; gen <= 40; gen++)
        changes += step();
    {
        int r, c;
        for (r = 0; r < ROWS; r++)
            for (c = 0; c < COLS; c++)
                if (grid[r][c])
                    signature = signature * 31 % 1000003 + r * COLS + c;
    }
    printf("after 40 generations: population %d, signature %ld, changes %d\n", population(),
           signature, changes);
    return 0;
}
