/* Exercises: Conway's Game of Life on a fixed 2-D char grid with wrap-around
 * (toroidal) neighbourhoods computed with modulo, double buffering between
 * two global arrays, printing generations with putchar, and population counts.
 * Original program written for this corpus (Life rules by J. H. Conway). */
#include <stdio.h>

#define H 10
#define W 12

static char grid[H][W];
static char next_grid[H][W];

static int neighbours(int r, int c) {
    int n = 0;
    for (int dr = -1; dr <= 1; dr++)
        for (int dc = -1; dc <= 1; dc++) {
            if (dr == 0 && dc == 0)
                continue;
            int rr = (r + dr + H) % H;
            int cc = (c + dc + W) % W;
            n += grid[rr][cc];
        }
    return n;
}

static int step(void) {
    int pop = 0;
    for (int r = 0; r < H; r++)
        for (int c = 0; c < W; c++) {
            int n = neighbours(r, c);
            next_grid[r][c] = (char)(n == 3 || (grid[r][c] && n == 2));
            pop += next_grid[r][c];
        }
    for (int r = 0; r < H; r++)
        for (int c = 0; c < W; c++)
            grid[r][c] = next_grid[r][c];
    return pop;
}

static void show(int gen) {
    printf("gen %d:\n", gen);
    for (int r = 0; r < H; r++) {
        for (int c = 0; c < W; c++)
            putchar(grid[r][c] ? '#' : '.');
        putchar('\n');
    }
}

int main(void) {
    /* A glider and a blinker. */
    grid[0][1] = 1;
    grid[1][2] = 1;
    grid[2][0] = grid[2][1] = grid[2][2] = 1;
    grid[6][8] = grid[6][9] = grid[6][10] = 1;
    show(0);
    int pops[40];
    for (int g = 1; g <= 40; g++) {
        pops[g - 1] = step();
        if (g == 1 || g == 4 || g == 40)
            show(g);
    }
    for (int g = 0; g < 40; g++)
        printf("%d%c", pops[g], g % 20 == 19 ? '\n' : ' ');
    return pops[39];
}
