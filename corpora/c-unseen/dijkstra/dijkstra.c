#include <stdio.h>
#include <limits.h>
#include <stdbool.h>

#define V 8
#define INF INT_MAX

static const int graph[V][V] = {
    /*       A  B  C  D  E  F  G  H */
    /* A */ { 0, 4, 0, 0, 0, 0, 0, 8 },
    /* B */ { 4, 0, 8, 0, 0, 0, 0, 11 },
    /* C */ { 0, 8, 0, 7, 0, 4, 0, 0 },
    /* D */ { 0, 0, 7, 0, 9, 14, 0, 0 },
    /* E */ { 0, 0, 0, 9, 0, 10, 0, 0 },
    /* F */ { 0, 0, 4, 14, 10, 0, 2, 0 },
    /* G */ { 0, 0, 0, 0, 0, 2, 0, 1 },
    /* H */ { 8, 11, 0, 0, 0, 0, 1, 0 },
};

static int min_unvisited(const int *dist, const bool *seen)
{
    int best = -1, v;
    for (v = 0; v < V; v++)
        if (!seen[v] && dist[v] != INF && (best < 0 || dist[v] < dist[best]))
            best = v;
    return best;
}

static void dijkstra(int src, int *dist, int *prev)
{
    bool seen[V];
    int v, u;
    for (v = 0; v < V; v++) {
        dist[v] = INF;
        prev[v] = -1;
        seen[v] = false;
    }
    dist[src] = 0;
    while ((u = min_unvisited(dist, seen)) >= 0) {
        seen[u] = true;
        for (v = 0; v < V; v++) {
            int w = graph[u][v];
            if (w > 0 && !seen[v] && dist[u] + w < dist[v]) {
                dist[v] = dist[u] + w;
                prev[v] = u;
            }
        }
    }
}

static void print_path(const int *prev, int v)
{
    int stack[V];
    int top = 0;
    while (v >= 0) {
        stack[top++] = v;
        v = prev[v];
    }
    while (top > 0) {
        top--;
        putchar('A' + stack[top]);
        if (top > 0)
            printf("->");
    }
}

int main(void)
{
    int dist[V], prev[V];
    int src, v;
    int all[V][V];

    for (src = 0; src < V; src += 3) {
        dijkstra(src, dist, prev);
        printf("from %c:\n", 'A' + src);
        for (v = 0; v < V; v++) {
            printf("  %c %3d  ", 'A' + v, dist[v]);
            print_path(prev, v);
            putchar('\n');
        }
    }

    for (src = 0; src < V; src++) {
        dijkstra(src, dist, prev);
        for (v = 0; v < V; v++)
            all[src][v] = dist[v];
    }
    printf("   ");
    for (v = 0; v < V; v++)
        printf("%4c", 'A' + v);
    putchar('\n');
    for (src = 0; src < V; src++) {
        int ecc = 0;
        printf("%c: ", 'A' + src);
        for (v = 0; v < V; v++) {
            printf("%4d", all[src][v]);
            if (all[src][v] > ecc)
                ecc = all[src][v];
        }
        printf("   ecc=%d\n", ecc);
    }
    return 0;
}
