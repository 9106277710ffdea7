/* Dynamic programming classics on fixed 2-D tables: 0/1 knapsack with
 * item reconstruction, longest common subsequence, edit distance, and
 * counting coin-change combinations with long long. */
#include <stdio.h>
#include <string.h>

#define ITEMS 6
#define CAPACITY 15

static int best[ITEMS + 1][CAPACITY + 1];
static int table[16][16];

static int max(int a, int b) { return a > b ? a : b; }
static int min3(int a, int b, int c) { int m = a < b ? a : b; return m < c ? m : c; }

static int lcs(const char *a, const char *b, char out[])
{
    int n = (int)strlen(a), m = (int)strlen(b), i, j, k;
    for (i = 0; i <= n; i++)
        for (j = 0; j <= m; j++)
            if (i == 0 || j == 0)
                table[i][j] = 0;
            else if (a[i - 1] == b[j - 1])
                table[i][j] = table[i - 1][j - 1] + 1;
            else
                table[i][j] = max(table[i - 1][j], table[i][j - 1]);
    k = table[n][m];
    out[k] = '\0';
    for (i = n, j = m; i > 0 && j > 0;) {
        if (a[i - 1] == b[j - 1]) {
            out[--k] = a[i - 1];
            i--;
            j--;
        } else if (table[i - 1][j] >= table[i][j - 1])
            i--;
        else
            j--;
    }
    return table[n][m];
}

static int edit_distance(const char *a, const char *b)
{
    int n = (int)strlen(a), m = (int)strlen(b), i, j;
    for (i = 0; i <= n; i++)
        for (j = 0; j <= m; j++) {
            if (i == 0)
                table[i][j] = j;
            else if (j == 0)
                table[i][j] = i;
            else
                table[i][j] = min3(table[i - 1][j] + 1, table[i][j - 1] + 1,
                                   table[i - 1][j - 1] + (a[i - 1] != b[j - 1]));
        }
    return table[n][m];
}

int main(void)
{
    const char *names[ITEMS] = { "tent", "stove", "camera", "book", "rope", "snacks" };
    const int weight[ITEMS] = { 7, 3, 2, 1, 4, 2 };
    const int value[ITEMS] = { 40, 18, 25, 6, 15, 12 };
    const char *pairs[][2] = { { "ABCBDAB", "BDCABA" }, { "kitten", "sitting" },
                               { "sunday", "saturday" }, { "", "abc" }, { "dynamic", "programming" } };
    const int coins[] = { 1, 2, 5, 10, 20, 50 };
    long long ways[301] = { 1 };
    char sub[16];
    int i, w, total_weight = 0;
    size_t c;

    for (i = 1; i <= ITEMS; i++)
        for (w = 0; w <= CAPACITY; w++) {
            best[i][w] = best[i - 1][w];
            if (weight[i - 1] <= w)
                best[i][w] = max(best[i][w], best[i - 1][w - weight[i - 1]] + value[i - 1]);
        }
    printf("knapsack capacity %d: best value %d\n", CAPACITY, best[ITEMS][CAPACITY]);
    for (i = ITEMS, w = CAPACITY; i > 0; i--)
        if (best[i][w] != best[i - 1][w]) {
            printf("  take %-7s w=%d v=%d\n", names[i - 1], weight[i - 1], value[i - 1]);
            w -= weight[i - 1];
            total_weight += weight[i - 1];
        }
    printf("  total weight %d\n", total_weight);

    for (i = 0; i < 5; i++) {
        int len = lcs(pairs[i][0], pairs[i][1], sub);
        printf("%-8s %-12s lcs=%d \"%s\" edit=%d\n", pairs[i][0], pairs[i][1], len, sub,
               edit_distance(pairs[i][0], pairs[i][1]));
    }

    for (c = 0; c < sizeof coins / sizeof coins[0]; c++)
        for (w = coins[c]; w <= 300; w++)
            ways[w] += ways[w - coins[c]];
    for (w = 50; w <= 300; w += 50)
        printf("ways to make %3d: %lld\n", w, ways[w]);
    return 0;
}
