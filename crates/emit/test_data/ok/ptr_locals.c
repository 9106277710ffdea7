/* Local pointer variables: a fixed place, an element index moved in a loop, a choice
 * between two locals, a pointer to a pointer, element fields, pointers into a global. */
#include <stdio.h>

struct item { int id; int qty; };

static struct item stock[4] = {{1, 5}, {2, 0}, {3, 9}, {4, 2}};

static void restock(struct item *it, int n) { it->qty += n; }

int main(void) {
    int x = 10;
    int *px = &x;
    *px += 5;

    int vals[5] = {7, 3, 9, 1, 4};
    int *best = &vals[0];
    for (int i = 1; i < 5; i++)
        if (vals[i] > *best) best = &vals[i];
    *best = 0;

    int lo = 0, hi = 0;
    for (int i = 0; i < 6; i++) {
        int *dst = (i % 2 == 0) ? &lo : &hi;
        *dst += i;
    }

    int **pp = &px;
    **pp += 1;

    struct item *low = &stock[0];
    for (int i = 1; i < 4; i++)
        if (stock[i].qty < low->qty) low = &stock[i];
    restock(low, 10);
    int *q = &stock[2].qty;
    *q -= 1;

    int *first = &vals[1], *last = &vals[4];
    printf("x=%d vals=%d,%d,%d,%d,%d lo=%d hi=%d\n", x, vals[0], vals[1], vals[2], vals[3], vals[4], lo, hi);
    printf("low=%d qty=%d q=%d ordered=%d\n", low->id, low->qty, stock[2].qty, first < last);
    return x;
}
