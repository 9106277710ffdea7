#include <stdio.h>
#include <stdbool.h>

#define MAXN 10

static const char *task_names[MAXN] = {
    "wake", "shower", "dress", "coffee", "breakfast",
    "pack", "shoes", "keys", "leave", "lock"
};

static int adj[MAXN][MAXN];

static void add_dep(int before, int after) { adj[before][after] = 1; }

/* Kahn's algorithm; picks the smallest ready index each time. Returns count ordered. */
static int kahn(int n, int *order)
{
    int indeg[MAXN] = { 0 };
    bool done[MAXN] = { false };
    int i, j, count = 0;
    for (i = 0; i < n; i++)
        for (j = 0; j < n; j++)
            indeg[j] += adj[i][j];
    while (count < n) {
        int pick = -1;
        for (i = 0; i < n; i++) {
            if (!done[i] && indeg[i] == 0) {
                pick = i;
                break;
            }
        }
        if (pick < 0)
            break;
        done[pick] = true;
        order[count++] = pick;
        for (j = 0; j < n; j++)
            if (adj[pick][j])
                indeg[j]--;
    }
    return count;
}

static int color[MAXN];
static int post[MAXN];
static int npost;

/* DFS-based ordering with cycle detection: returns false if a back edge is found */
static bool dfs(int n, int u)
{
    int v;
    color[u] = 1;
    for (v = 0; v < n; v++) {
        if (!adj[u][v])
            continue;
        if (color[v] == 1) {
            printf("  cycle edge %s -> %s\n", task_names[u], task_names[v]);
            return false;
        }
        if (color[v] == 0 && !dfs(n, v))
            return false;
    }
    color[u] = 2;
    post[npost++] = u;
    return true;
}

static void report(int n)
{
    int order[MAXN];
    int i, count = kahn(n, order);
    printf("kahn (%d of %d):", count, n);
    for (i = 0; i < count; i++)
        printf(" %s", task_names[order[i]]);
    putchar('\n');

    for (i = 0; i < n; i++)
        color[i] = 0;
    npost = 0;
    for (i = 0; i < n; i++) {
        if (color[i] == 0 && !dfs(n, i)) {
            puts("dfs: graph has a cycle");
            return;
        }
    }
    printf("dfs :");
    for (i = npost - 1; i >= 0; i--)
        printf(" %s", task_names[post[i]]);
    putchar('\n');
}

int main(void)
{
    int n = MAXN;
    add_dep(0, 1);
    add_dep(0, 3);
    add_dep(1, 2);
    add_dep(2, 6);
    add_dep(3, 4);
    add_dep(1, 4);
    add_dep(4, 5);
    add_dep(5, 8);
    add_dep(6, 8);
    add_dep(7, 8);
    add_dep(8, 9);
    add_dep(2, 5);
    report(n);

    puts("-- adding lock -> wake --");
    add_dep(9, 0);
    report(n);
    return 0;
}
