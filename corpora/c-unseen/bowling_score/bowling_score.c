#include <stdio.h>

#define MAX_ROLLS 21

struct game {
    const char *player;
    int rolls[MAX_ROLLS];
    int nrolls;
};

/* Returns total score; fills frame_totals with the running total after each frame.
   Returns -1 if the roll list is malformed or incomplete. */
static int score_game(const struct game *g, int frame_totals[10])
{
    int frame, i = 0, total = 0;
    for (frame = 0; frame < 10; frame++) {
        if (i >= g->nrolls)
            return -1;
        if (g->rolls[i] == 10) {
            if (i + 2 >= g->nrolls)
                return -1;
            total += 10 + g->rolls[i + 1] + g->rolls[i + 2];
            i += 1;
        } else {
            if (i + 1 >= g->nrolls || g->rolls[i] + g->rolls[i + 1] > 10)
                return -1;
            if (g->rolls[i] + g->rolls[i + 1] == 10) {
                if (i + 2 >= g->nrolls)
                    return -1;
                total += 10 + g->rolls[i + 2];
            } else {
                total += g->rolls[i] + g->rolls[i + 1];
            }
            i += 2;
        }
        frame_totals[frame] = total;
    }
    return total;
}

static void print_rolls(const struct game *g)
{
    int i = 0, frame;
    for (frame = 0; frame < 10 && i < g->nrolls; frame++) {
        putchar('|');
        if (frame == 9) {
            while (i < g->nrolls) {
                int r = g->rolls[i];
                putchar(r == 10 ? 'X' : r == 0 ? '-' : (char)('0' + r));
                i++;
            }
        } else if (g->rolls[i] == 10) {
            printf("X ");
            i++;
        } else {
            int a = g->rolls[i];
            int b = i + 1 < g->nrolls ? g->rolls[i + 1] : 0;
            putchar(a == 0 ? '-' : (char)('0' + a));
            putchar(a + b == 10 ? '/' : b == 0 ? '-' : (char)('0' + b));
            i += 2;
        }
    }
    puts("|");
}

int main(void)
{
    static const struct game games[] = {
        { "perfect", { 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10 }, 12 },
        { "gutter", { 0 }, 20 },
        { "spares", { 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5 }, 21 },
        { "mixed", { 10, 7, 3, 9, 0, 10, 0, 8, 8, 2, 0, 6, 10, 10, 10, 8, 1 }, 17 },
        { "nines", { 9, 0, 9, 0, 9, 0, 9, 0, 9, 0, 9, 0, 9, 0, 9, 0, 9, 0, 9, 0 }, 20 },
        { "short", { 10, 10, 3 }, 3 },
        { "bad", { 7, 6, 1, 1 }, 4 },
    };
    int ngames = (int)(sizeof games / sizeof games[0]);
    int totals[10];
    int i, f, best = -1, invalid = 0;
    const char *winner = "nobody";

    for (i = 0; i < ngames; i++) {
        int s = score_game(&games[i], totals);
        printf("%-8s ", games[i].player);
        print_rolls(&games[i]);
        if (s < 0) {
            printf("         invalid game\n");
            invalid++;
            continue;
        }
        printf("         ");
        for (f = 0; f < 10; f++)
            printf("%4d", totals[f]);
        printf("  => %d\n", s);
        if (s > best) {
            best = s;
            winner = games[i].player;
        }
    }
    printf("winner: %s with %d\n", winner, best);
    printf("invalid games: %d\n", invalid);
    return invalid;
}
