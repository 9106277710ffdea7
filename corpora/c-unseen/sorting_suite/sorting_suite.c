/* Several classic sorts behind a table of function pointers, each run on
 * a copy of the same data while counting comparisons and moves. */
#include <stdio.h>
#include <stdbool.h>

#define COUNT 20

typedef void (*sort_fn)(int a[], size_t n);

static unsigned long comparisons;
static unsigned long moves;

static bool less(int x, int y)
{
    comparisons++;
    return x < y;
}

static void selection_sort(int a[], size_t n)
{
    size_t i, j;
    for (i = 0; i + 1 < n; i++) {
        size_t min = i;
        for (j = i + 1; j < n; j++)
            if (less(a[j], a[min]))
                min = j;
        if (min != i) {
            int t = a[i];
            a[i] = a[min];
            a[min] = t;
            moves += 3;
        }
    }
}

static void insertion_sort(int a[], size_t n)
{
    size_t i;
    for (i = 1; i < n; i++) {
        int key = a[i];
        size_t j = i;
        while (j > 0 && less(key, a[j - 1])) {
            a[j] = a[j - 1];
            j--;
            moves++;
        }
        a[j] = key;
    }
}

static void shell_sort(int a[], size_t n)
{
    size_t gap = 1, i;
    while (gap < n / 3)
        gap = 3 * gap + 1;
    for (; gap >= 1; gap /= 3) {
        for (i = gap; i < n; i++) {
            int key = a[i];
            size_t j = i;
            while (j >= gap && less(key, a[j - gap])) {
                a[j] = a[j - gap];
                j -= gap;
                moves++;
            }
            a[j] = key;
        }
    }
}

static void counting_sort(int a[], size_t n)
{
    enum { RANGE = 100 };
    int counts[RANGE] = { 0 };
    size_t i, out = 0;
    int v;
    for (i = 0; i < n; i++)
        counts[a[i]]++;
    for (v = 0; v < RANGE; v++)
        while (counts[v]-- > 0) {
            a[out++] = v;
            moves++;
        }
}

static bool is_sorted(const int a[], size_t n)
{
    size_t i;
    for (i = 1; i < n; i++)
        if (a[i - 1] > a[i])
            return false;
    return true;
}

static void print_array(const char *label, const int a[], size_t n)
{
    size_t i;
    printf("%-10s:", label);
    for (i = 0; i < n; i++)
        printf(" %2d", a[i]);
    printf("\n");
}

int main(void)
{
    static const struct {
        const char *name;
        sort_fn fn;
    } sorts[] = {
        { "selection", selection_sort },
        { "insertion", insertion_sort },
        { "shell", shell_sort },
        { "counting", counting_sort },
    };
    int data[COUNT];
    int work[COUNT];
    unsigned seed = 42;
    size_t i, s;

    for (i = 0; i < COUNT; i++) {
        seed = seed * 1103515245u + 12345u;
        data[i] = (int)((seed >> 16) % 100);
    }
    print_array("input", data, COUNT);

    for (s = 0; s < sizeof sorts / sizeof sorts[0]; s++) {
        int pass;
        for (pass = 0; pass < 2; pass++) {
            for (i = 0; i < COUNT; i++)
                work[i] = pass == 0 ? data[i] : (int)(COUNT - i) * 4;
            comparisons = moves = 0;
            sorts[s].fn(work, COUNT);
            printf("%-10s %-8s cmp=%4lu moves=%4lu sorted=%s\n", sorts[s].name,
                   pass == 0 ? "random" : "reversed", comparisons, moves,
                   is_sorted(work, COUNT) ? "yes" : "no");
        }
    }
    for (i = 0; i < COUNT; i++)
        work[i] = data[i];
    sorts[2].fn(work, COUNT);
    print_array("output", work, COUNT);
    printf("median %d, range %d..%d\n", (work[COUNT / 2 - 1] + work[COUNT / 2]) / 2, work[0],
           work[COUNT - 1]);
    return 0;
}
