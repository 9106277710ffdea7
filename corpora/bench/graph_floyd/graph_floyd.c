/* Exercises: Floyd-Warshall all-pairs shortest paths on a dense weighted digraph in a
 * 2-D int array, with an "infinity" sentinel, path-count statistics and a reachability
 * sum; triple nested loops with a data-dependent update.
 * Original program written for this corpus. */
#include <stdio.h>

#define V 180
#define INF 1000000000
#define ROUNDS 28

static unsigned int seed = 31337u;

static unsigned int rnd(void) {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7fffu;
}

static void make_graph(int d[][V], int density) {
    for (int i = 0; i < V; i++)
        for (int j = 0; j < V; j++) {
            if (i == j)
                d[i][j] = 0;
            else if ((int)(rnd() % 100u) < density)
                d[i][j] = (int)(rnd() % 1000u) + 1;
            else
                d[i][j] = INF;
        }
}

static void floyd(int d[][V]) {
    for (int k = 0; k < V; k++)
        for (int i = 0; i < V; i++) {
            int dik = d[i][k];
            if (dik == INF)
                continue;
            for (int j = 0; j < V; j++) {
                int dkj = d[k][j];
                if (dkj != INF && dik + dkj < d[i][j])
                    d[i][j] = dik + dkj;
            }
        }
}

static long summarize(int d[][V], int *unreachable, int *longest) {
    long sum = 0;
    for (int i = 0; i < V; i++)
        for (int j = 0; j < V; j++) {
            if (d[i][j] == INF) {
                *unreachable += 1;
            } else {
                sum += d[i][j];
                if (d[i][j] > *longest)
                    *longest = d[i][j];
            }
        }
    return sum;
}

int main(void) {
    static int d[V][V];
    long total = 0;
    int unreachable = 0, longest = 0;
    for (int r = 0; r < ROUNDS; r++) {
        for (int rep = 0; rep < 3; rep++) {
            make_graph(d, 2 + r * 3 + rep);
            floyd(d);
            total += summarize(d, &unreachable, &longest);
        }
    }
    printf("graph_floyd: total %ld unreachable %d longest %d\n", total, unreachable, longest);
    return 0;
}
