#include <stdio.h>

#define MAXNZ 40

struct triple {
    int row, col, val;
};

struct sparse {
    int rows, cols, nnz;
    struct triple t[MAXNZ];
};

static void from_dense(struct sparse *s, int rows, int cols, const int dense[][6])
{
    int r, c;
    s->rows = rows;
    s->cols = cols;
    s->nnz = 0;
    for (r = 0; r < rows; r++)
        for (c = 0; c < cols; c++)
            if (dense[r][c] != 0) {
                s->t[s->nnz].row = r;
                s->t[s->nnz].col = c;
                s->t[s->nnz].val = dense[r][c];
                s->nnz++;
            }
}

static void print_dense(const char *title, const struct sparse *s)
{
    int r, c, k = 0;
    printf("%s (%dx%d, %d nonzero):\n", title, s->rows, s->cols, s->nnz);
    for (r = 0; r < s->rows; r++) {
        for (c = 0; c < s->cols; c++) {
            if (k < s->nnz && s->t[k].row == r && s->t[k].col == c) {
                printf("%4d", s->t[k].val);
                k++;
            } else {
                printf("%4s", ".");
            }
        }
        putchar('\n');
    }
}

/* fast transpose with column counts; output stays in row-major order */
static void transpose(const struct sparse *a, struct sparse *b)
{
    int count[8] = { 0 }, start[8];
    int i;
    b->rows = a->cols;
    b->cols = a->rows;
    b->nnz = a->nnz;
    for (i = 0; i < a->nnz; i++)
        count[a->t[i].col]++;
    start[0] = 0;
    for (i = 1; i < a->cols; i++)
        start[i] = start[i - 1] + count[i - 1];
    for (i = 0; i < a->nnz; i++) {
        int pos = start[a->t[i].col]++;
        b->t[pos].row = a->t[i].col;
        b->t[pos].col = a->t[i].row;
        b->t[pos].val = a->t[i].val;
    }
}

/* merge-add two matrices with the same shape */
static void add(const struct sparse *a, const struct sparse *b, struct sparse *r)
{
    int i = 0, j = 0;
    r->rows = a->rows;
    r->cols = a->cols;
    r->nnz = 0;
    while (i < a->nnz || j < b->nnz) {
        int ka = i < a->nnz ? a->t[i].row * a->cols + a->t[i].col : a->rows * a->cols;
        int kb = j < b->nnz ? b->t[j].row * b->cols + b->t[j].col : b->rows * b->cols;
        struct triple t;
        if (ka < kb) {
            t = a->t[i++];
        } else if (kb < ka) {
            t = b->t[j++];
        } else {
            t = a->t[i++];
            t.val += b->t[j++].val;
        }
        if (t.val != 0)
            r->t[r->nnz++] = t;
    }
}

int main(void)
{
    static const int da[5][6] = {
        { 0, 0, 3, 0, 0, 0 }, { 15, 0, 0, 0, 22, 0 }, { 0, 0, 0, -6, 0, 0 },
        { 0, 0, 0, 0, 0, 0 }, { 91, 0, 0, 0, 0, 28 },
    };
    static const int db[5][6] = {
        { 1, 0, -3, 0, 0, 0 }, { 0, 0, 0, 0, 0, 0 }, { 0, 7, 0, 6, 0, 0 },
        { 0, 0, 0, 0, 4, 0 }, { 0, 0, 0, 0, 0, -28 },
    };
    struct sparse a, b, at, sum;
    int i;

    from_dense(&a, 5, 6, da);
    from_dense(&b, 5, 6, db);
    print_dense("A", &a);
    for (i = 0; i < a.nnz; i++)
        printf("  (%d,%d)=%d\n", a.t[i].row, a.t[i].col, a.t[i].val);
    transpose(&a, &at);
    print_dense("A^T", &at);
    print_dense("B", &b);
    add(&a, &b, &sum);
    print_dense("A+B", &sum);
    printf("density %d/%d = %.1f%%\n", sum.nnz, sum.rows * sum.cols,
           100.0 * sum.nnz / (sum.rows * sum.cols));
    return 0;
}
