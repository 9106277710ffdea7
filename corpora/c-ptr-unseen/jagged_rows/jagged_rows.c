/* jagged_rows: a triangle of malloc'd rows of different lengths (Pascal's triangle), row growth with realloc, and ragged score lists. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>

struct ragged {
    long **rows;
    size_t *lens;
    size_t nrows;
};

static int make_pascal(struct ragged *t, size_t n)
{
    size_t i, j;
    t->rows = calloc(n, sizeof *t->rows);
    t->lens = calloc(n, sizeof *t->lens);
    t->nrows = n;
    if (t->rows == NULL || t->lens == NULL)
        return -1;
    for (i = 0; i < n; i++) {
        long *row = malloc((i + 1) * sizeof *row);
        if (row == NULL)
            return -1;
        t->rows[i] = row;
        t->lens[i] = i + 1;
        row[0] = row[i] = 1;
        for (j = 1; j < i; j++)
            row[j] = t->rows[i - 1][j - 1] + t->rows[i - 1][j];
    }
    return 0;
}

static void free_ragged(struct ragged *t)
{
    size_t i;
    if (t->rows != NULL)
        for (i = 0; i < t->nrows; i++)
            free(t->rows[i]);
    free(t->rows);
    free(t->lens);
}

static long row_sum(const long *row, size_t len)
{
    const long *p, *end = row + len;
    long s = 0;
    for (p = row; p < end; p++)
        s += *p;
    return s;
}

/* Appends the row's sum to each row, growing it by one element. */
static int append_sums(struct ragged *t)
{
    size_t i;
    for (i = 0; i < t->nrows; i++) {
        long s = row_sum(t->rows[i], t->lens[i]);
        long *grown = realloc(t->rows[i], (t->lens[i] + 1) * sizeof *grown);
        if (grown == NULL)
            return -1;
        t->rows[i] = grown;
        grown[t->lens[i]++] = s;
    }
    return 0;
}

static void print_ragged(const struct ragged *t)
{
    size_t i, j;
    for (i = 0; i < t->nrows; i++) {
        printf("%2zu:%*s", i, (int)(2 * (t->nrows - i)), "");
        for (j = 0; j < t->lens[i]; j++)
            printf("%4ld", t->rows[i][j]);
        putchar('\n');
    }
}

int main(void)
{
    struct ragged t;
    static const int scores[] = { 4, 78, 91, 66, 85, 2, 99, 47, 0, 5, 70, 72, 74, 76, 78, 1, 100 };
    const int *p = scores, *end = scores + sizeof scores / sizeof scores[0];
    int *lists[8];
    int counts[8];
    int nlists = 0, i, k;

    if (make_pascal(&t, 9) != 0 || append_sums(&t) != 0) {
        free_ragged(&t);
        return 2;
    }
    print_ragged(&t);
    printf("middle of row 8: %ld, total cells %zu\n", t.rows[8][4], (size_t)9 * 10 / 2 + 9);
    free_ragged(&t);

    while (p < end && nlists < 8) {
        int n = *p++;
        lists[nlists] = malloc((size_t)(n > 0 ? n : 1) * sizeof(int));
        if (lists[nlists] == NULL)
            return 2;
        counts[nlists] = n;
        for (k = 0; k < n && p < end; k++)
            lists[nlists][k] = *p++;
        nlists++;
    }
    for (i = 0; i < nlists; i++) {
        int best = -1, sum = 0;
        for (k = 0; k < counts[i]; k++) {
            sum += lists[i][k];
            if (lists[i][k] > best)
                best = lists[i][k];
        }
        if (counts[i] > 0)
            printf("student %d: %d scores, best %d, mean %d.%d\n", i + 1, counts[i], best,
                   sum / counts[i], sum * 10 / counts[i] % 10);
        else
            printf("student %d: no scores\n", i + 1);
        free(lists[i]);
    }
    return 0;
}
