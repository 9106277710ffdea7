/* Tic-tac-toe: evaluate a few boards, then let minimax pick moves
 * from a partially played position until the game ends. */
#include <stdio.h>

#define EMPTY ' '

static const int lines[8][3] = {
    {0, 1, 2}, {3, 4, 5}, {6, 7, 8},
    {0, 3, 6}, {1, 4, 7}, {2, 5, 8},
    {0, 4, 8}, {2, 4, 6}
};

static long nodes_visited = 0;

static char winner(const char b[9])
{
    int i;
    for (i = 0; i < 8; i++) {
        char c = b[lines[i][0]];
        if (c != EMPTY && c == b[lines[i][1]] && c == b[lines[i][2]])
            return c;
    }
    return EMPTY;
}

static int full(const char b[9])
{
    int i;
    for (i = 0; i < 9; i++)
        if (b[i] == EMPTY)
            return 0;
    return 1;
}

static void print_board(const char b[9])
{
    int r;
    for (r = 0; r < 3; r++) {
        printf(" %c | %c | %c\n", b[r * 3], b[r * 3 + 1], b[r * 3 + 2]);
        if (r < 2)
            puts("---+---+---");
    }
}

/* Score from X's point of view: +10 - depth for an X win, depth - 10 for O. */
static int minimax(char b[9], char player, int depth)
{
    char w = winner(b);
    int best, i;
    nodes_visited++;
    if (w == 'X')
        return 10 - depth;
    if (w == 'O')
        return depth - 10;
    if (full(b))
        return 0;
    best = (player == 'X') ? -100 : 100;
    for (i = 0; i < 9; i++) {
        int score;
        if (b[i] != EMPTY)
            continue;
        b[i] = player;
        score = minimax(b, player == 'X' ? 'O' : 'X', depth + 1);
        b[i] = EMPTY;
        if (player == 'X' ? score > best : score < best)
            best = score;
    }
    return best;
}

static int best_move(char b[9], char player)
{
    int i, move = -1;
    int best = (player == 'X') ? -100 : 100;
    for (i = 0; i < 9; i++) {
        int score;
        if (b[i] != EMPTY)
            continue;
        b[i] = player;
        score = minimax(b, player == 'X' ? 'O' : 'X', 1);
        b[i] = EMPTY;
        if ((player == 'X' && score > best) || (player == 'O' && score < best)) {
            best = score;
            move = i;
        }
    }
    return move;
}

int main(void)
{
    char samples[3][10] = { "XXXOO    ", "XOXOXOOXO", "OXX O X O" };
    char game[9] = { 'X', EMPTY, EMPTY, EMPTY, 'O', EMPTY, EMPTY, EMPTY, EMPTY };
    char turn = 'X';
    int s, i;

    for (s = 0; s < 3; s++) {
        char w = winner(samples[s]);
        printf("sample %d: ", s);
        if (w != EMPTY)
            printf("winner %c\n", w);
        else if (full(samples[s]))
            printf("draw\n");
        else
            printf("in progress\n");
    }

    for (i = 0; i < 9 && winner(game) == EMPTY && !full(game); i++) {
        int m = best_move(game, turn);
        printf("%c plays %d (row %d, col %d)\n", turn, m, m / 3, m % 3);
        game[m] = turn;
        turn = (turn == 'X') ? 'O' : 'X';
    }
    print_board(game);
    if (winner(game) != EMPTY)
        printf("result: %c wins\n", winner(game));
    else
        printf("result: draw\n");
    printf("nodes visited: %ld\n", nodes_visited);
    return 0;
}
