/* Exercises: a 3-D array, a struct whose member is a 2-D array passed by
 * pointer and modified, an array of structs each holding an array, a static
 * local array that persists across calls, and array elements passed by address.
 * Original program written for this corpus. */
#include <stdio.h>

struct board {
    int cells[4][4];
    int moves;
};

struct series {
    char tag;
    int n;
    int vals[5];
};

static void board_set(struct board *b, int r, int c, int v) {
    b->cells[r][c] = v;
    b->moves++;
}

static int board_sum_row(const struct board *b, int r) {
    int s = 0;
    for (int c = 0; c < 4; c++)
        s += b->cells[r][c];
    return s;
}

static void push(struct series *s, int v) {
    if (s->n < 5)
        s->vals[s->n++] = v;
}

static int history(int v) {
    static int seen[8];
    static int count;
    seen[count % 8] = v;
    count++;
    int s = 0;
    for (int i = 0; i < 8; i++)
        s += seen[i];
    return s;
}

static void incr(int *cell) { *cell += 1; }

int main(void) {
    int cube[3][4][5];
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 4; j++)
            for (int k = 0; k < 5; k++)
                cube[i][j][k] = i * 100 + j * 10 + k;
    int diag = 0;
    for (int i = 0; i < 3; i++)
        diag += cube[i][i][i];
    printf("cube[2][3][4]=%d diag=%d sizeof=%zu\n", cube[2][3][4], diag, sizeof cube);

    struct board b = {{{0}}, 0};
    for (int i = 0; i < 4; i++)
        board_set(&b, i, (i * 3) % 4, i + 1);
    board_set(&b, 0, 0, 9);
    for (int r = 0; r < 4; r++)
        printf("row %d: %d %d %d %d sum=%d\n", r, b.cells[r][0], b.cells[r][1], b.cells[r][2],
               b.cells[r][3], board_sum_row(&b, r));
    printf("moves=%d\n", b.moves);

    struct series all[3] = {{'x', 0, {0}}, {'y', 0, {0}}, {'z', 0, {0}}};
    for (int v = 1; v <= 12; v++)
        push(&all[v % 3], v * v);
    for (int s = 0; s < 3; s++) {
        printf("%c:", all[s].tag);
        for (int i = 0; i < all[s].n; i++)
            printf(" %d", all[s].vals[i]);
        printf("\n");
    }

    int last = 0;
    for (int v = 1; v <= 10; v++)
        last = history(v * 3);
    printf("history=%d\n", last);

    int counters[3] = {0, 0, 0};
    for (int i = 0; i < 7; i++)
        incr(&counters[i % 3]);
    incr(&cube[1][2][3]);
    incr(&b.cells[3][3]);
    printf("counters=%d %d %d cube=%d cell=%d\n", counters[0], counters[1], counters[2],
           cube[1][2][3], b.cells[3][3]);
    return b.moves;
}
