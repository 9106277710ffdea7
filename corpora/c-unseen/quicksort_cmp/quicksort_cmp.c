#include <stdio.h>
#include <string.h>

struct city {
    char name[12];
    int population; /* thousands */
    int area;       /* km^2 */
};

typedef int (*cmp_fn)(const struct city *, const struct city *);

static int comparisons;

static int by_name(const struct city *a, const struct city *b) { return strcmp(a->name, b->name); }

static int by_population_desc(const struct city *a, const struct city *b)
{
    if (a->population != b->population)
        return a->population < b->population ? 1 : -1;
    return by_name(a, b);
}

static int by_density(const struct city *a, const struct city *b)
{
    /* compare a.pop/a.area with b.pop/b.area without division */
    long l = (long)a->population * b->area;
    long r = (long)b->population * a->area;
    if (l != r)
        return l < r ? -1 : 1;
    return by_name(a, b);
}

static void swap(struct city *v, int i, int j)
{
    struct city t = v[i];
    v[i] = v[j];
    v[j] = t;
}

static void quicksort(struct city *v, int lo, int hi, cmp_fn cmp)
{
    int i, last;
    if (lo >= hi)
        return;
    swap(v, lo, (lo + hi) / 2);
    last = lo;
    for (i = lo + 1; i <= hi; i++) {
        comparisons++;
        if (cmp(&v[i], &v[lo]) < 0)
            swap(v, ++last, i);
    }
    swap(v, lo, last);
    quicksort(v, lo, last - 1, cmp);
    quicksort(v, last + 1, hi, cmp);
}

static int is_sorted(const struct city *v, int n, cmp_fn cmp)
{
    int i;
    for (i = 1; i < n; i++)
        if (cmp(&v[i - 1], &v[i]) > 0)
            return 0;
    return 1;
}

int main(void)
{
    struct city cities[] = {
        { "Oslo", 709, 454 },     { "Lyon", 522, 48 },      { "Porto", 232, 41 },
        { "Gdansk", 486, 262 },   { "Bergen", 286, 465 },   { "Malmo", 347, 158 },
        { "Tartu", 97, 39 },      { "Graz", 291, 127 },     { "Brno", 382, 230 },
        { "Turku", 195, 246 },    { "Aarhus", 285, 91 },    { "Split", 161, 80 },
    };
    static const struct {
        const char *label;
        cmp_fn fn;
    } orders[] = {
        { "name", by_name },
        { "population", by_population_desc },
        { "density", by_density },
    };
    int n = (int)(sizeof cities / sizeof cities[0]);
    int k, i;

    for (k = 0; k < 3; k++) {
        comparisons = 0;
        quicksort(cities, 0, n - 1, orders[k].fn);
        printf("-- by %s (%d comparisons, sorted=%d)\n", orders[k].label, comparisons,
               is_sorted(cities, n, orders[k].fn));
        for (i = 0; i < n; i++)
            printf("  %-8s %5d %5d %8.2f\n", cities[i].name, cities[i].population,
                   cities[i].area, 1000.0 * cities[i].population / cities[i].area);
    }
    printf("still sorted by name? %s\n",
           is_sorted(cities, n, by_name) ? "yes" : "no");
    return 0;
}
