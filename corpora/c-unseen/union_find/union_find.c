#include <stdio.h>

#define N 16

static int parent[N];
static int rank_of[N];
static int set_size[N];
static int find_calls;

static void uf_init(int n)
{
    int i;
    for (i = 0; i < n; i++) {
        parent[i] = i;
        rank_of[i] = 0;
        set_size[i] = 1;
    }
    find_calls = 0;
}

static int uf_find(int x)
{
    int root = x;
    find_calls++;
    while (parent[root] != root)
        root = parent[root];
    while (parent[x] != root) {
        int next = parent[x];
        parent[x] = root;
        x = next;
    }
    return root;
}

static int uf_union(int a, int b)
{
    int ra = uf_find(a);
    int rb = uf_find(b);
    if (ra == rb)
        return 0;
    if (rank_of[ra] < rank_of[rb]) {
        int t = ra;
        ra = rb;
        rb = t;
    }
    parent[rb] = ra;
    set_size[ra] += set_size[rb];
    if (rank_of[ra] == rank_of[rb])
        rank_of[ra]++;
    return 1;
}

struct edge {
    int u, v, w;
};

int main(void)
{
    static const int pairs[][2] = { { 0, 1 }, { 2, 3 }, { 4, 5 }, { 1, 3 }, { 6, 7 },
                                    { 0, 2 }, { 8, 9 }, { 9, 10 }, { 5, 6 }, { 12, 13 } };
    struct edge edges[] = {
        { 0, 1, 7 }, { 0, 3, 5 }, { 1, 2, 8 }, { 1, 3, 9 }, { 1, 4, 7 }, { 2, 4, 5 },
        { 3, 4, 15 }, { 3, 5, 6 }, { 4, 5, 8 }, { 4, 6, 9 }, { 5, 6, 11 },
    };
    int ne = (int)(sizeof edges / sizeof edges[0]);
    int i, j, components = N, total = 0;

    uf_init(N);
    for (i = 0; i < (int)(sizeof pairs / sizeof pairs[0]); i++) {
        int merged = uf_union(pairs[i][0], pairs[i][1]);
        components -= merged;
        printf("union(%2d,%2d) %s components=%d\n", pairs[i][0], pairs[i][1],
               merged ? "merged " : "already", components);
    }
    for (i = 0; i < N; i++) {
        int r = uf_find(i);
        if (r == i) {
            printf("set root %2d size %d:", i, set_size[i]);
            for (j = 0; j < N; j++)
                if (uf_find(j) == i)
                    printf(" %d", j);
            putchar('\n');
        }
    }
    {
        static const int queries[][2] = { { 0, 3 }, { 0, 7 }, { 4, 7 }, { 9, 10 } };
        for (i = 0; i < 4; i++) {
            int ra = uf_find(queries[i][0]);
            int rb = uf_find(queries[i][1]);
            printf("same(%d,%d)=%d\n", queries[i][0], queries[i][1], ra == rb);
        }
    }
    printf("find calls so far: %d\n", find_calls);

    /* Kruskal: sort edges by weight (insertion sort), then union */
    for (i = 1; i < ne; i++) {
        struct edge key = edges[i];
        j = i - 1;
        while (j >= 0 && edges[j].w > key.w) {
            edges[j + 1] = edges[j];
            j--;
        }
        edges[j + 1] = key;
    }
    uf_init(7);
    puts("MST edges:");
    for (i = 0; i < ne; i++) {
        if (uf_union(edges[i].u, edges[i].v)) {
            printf("  %c-%c %2d\n", 'A' + edges[i].u, 'A' + edges[i].v, edges[i].w);
            total += edges[i].w;
        }
    }
    printf("MST weight %d\n", total);
    return 0;
}
