/* merge_sort_ptr: top-down merge sort over [lo, hi) pointer ranges with a malloc'd buffer, inversion counting, and a stable bottom-up sort of structs with comparators. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long inversions;

static void merge(int *lo, int *mid, int *hi, int *tmp)
{
    int *a = lo, *b = mid, *w = tmp;
    while (a < mid && b < hi) {
        if (*b < *a) {
            inversions += mid - a;
            *w++ = *b++;
        } else {
            *w++ = *a++;
        }
    }
    while (a < mid)
        *w++ = *a++;
    while (b < hi)
        *w++ = *b++;
    memcpy(lo, tmp, (size_t)(hi - lo) * sizeof *lo);
}

static void msort(int *lo, int *hi, int *tmp)
{
    int *mid;
    if (hi - lo < 2)
        return;
    mid = lo + (hi - lo) / 2;
    msort(lo, mid, tmp);
    msort(mid, hi, tmp);
    merge(lo, mid, hi, tmp);
}

struct person {
    const char *name;
    int age;
};

typedef int (*cmp_fn)(const struct person *, const struct person *);

static int by_age(const struct person *a, const struct person *b) { return a->age - b->age; }
static int by_name(const struct person *a, const struct person *b) { return strcmp(a->name, b->name); }

static int sort_people(struct person *v, size_t n, cmp_fn cmp)
{
    struct person *tmp = malloc(n * sizeof *tmp);
    size_t width, i;
    if (tmp == NULL)
        return -1;
    for (width = 1; width < n; width *= 2) {
        for (i = 0; i < n; i += 2 * width) {
            struct person *lo = v + i;
            struct person *mid = v + (i + width < n ? i + width : n);
            struct person *hi = v + (i + 2 * width < n ? i + 2 * width : n);
            struct person *a = lo, *b = mid, *w = tmp + i;
            while (a < mid && b < hi)
                *w++ = cmp(b, a) < 0 ? *b++ : *a++;
            while (a < mid)
                *w++ = *a++;
            while (b < hi)
                *w++ = *b++;
        }
        memcpy(v, tmp, n * sizeof *v);
    }
    free(tmp);
    return 0;
}

int main(void)
{
    struct person people[] = {
        { "mira", 31 }, { "omar", 25 }, { "lena", 31 }, { "abel", 40 }, { "zoe", 25 },
        { "ivan", 19 }, { "kemal", 40 }, { "bea", 31 }, { "carl", 19 },
    };
    size_t np = sizeof people / sizeof people[0], i;
    unsigned seed = 12345;
    int n, *data, *tmp, *p;

    for (n = 1; n <= 64; n *= 4) {
        data = malloc((size_t)n * sizeof *data);
        tmp = malloc((size_t)n * sizeof *tmp);
        if (data == NULL || tmp == NULL) {
            free(data);
            free(tmp);
            return 2;
        }
        for (p = data; p < data + n; p++) {
            seed = seed * 1103515245u + 12345u;
            *p = (int)(seed >> 16) % 100;
        }
        inversions = 0;
        msort(data, data + n, tmp);
        printf("n=%2d inversions=%4ld sorted:", n, inversions);
        for (p = data; p < data + n && p < data + 16; p++)
            printf(" %d", *p);
        puts(n > 16 ? " ..." : "");
        for (p = data + 1; p < data + n; p++)
            if (p[-1] > p[0])
                puts("  NOT SORTED");
        free(tmp);
        free(data);
    }
    if (sort_people(people, np, by_name) != 0 || sort_people(people, np, by_age) != 0)
        return 2;
    puts("by age, ties in name order:");
    for (i = 0; i < np; i++)
        printf("  %2d %s\n", people[i].age, people[i].name);
    return 0;
}
