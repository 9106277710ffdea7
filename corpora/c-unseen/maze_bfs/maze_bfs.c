/* Shortest path through a maze by breadth-first search with a fixed-size
 * queue of cell indices; the path is reconstructed from parent links. */
#include <stdio.h>

#define H 9
#define W 15

static const int dr[4] = { -1, 0, 1, 0 };
static const int dc[4] = { 0, 1, 0, -1 };

static char maze[H][W + 1];
static int dist[H * W];
static int parent[H * W];

static void load(const char *const rows[])
{
    int r, c;
    for (r = 0; r < H; r++) {
        for (c = 0; c < W; c++)
            maze[r][c] = rows[r][c];
        maze[r][W] = '\0';
    }
}

static int find(char ch)
{
    int r, c;
    for (r = 0; r < H; r++)
        for (c = 0; c < W; c++)
            if (maze[r][c] == ch)
                return r * W + c;
    return -1;
}

static int bfs(int start, int goal, int *visited)
{
    int queue[H * W];
    int head = 0, tail = 0, i;
    for (i = 0; i < H * W; i++) {
        dist[i] = -1;
        parent[i] = -1;
    }
    dist[start] = 0;
    queue[tail++] = start;
    while (head < tail) {
        int cur = queue[head++], k;
        if (cur == goal)
            break;
        for (k = 0; k < 4; k++) {
            int r = cur / W + dr[k], c = cur % W + dc[k], next;
            if (r < 0 || r >= H || c < 0 || c >= W || maze[r][c] == '#')
                continue;
            next = r * W + c;
            if (dist[next] >= 0)
                continue;
            dist[next] = dist[cur] + 1;
            parent[next] = cur;
            queue[tail++] = next;
        }
    }
    *visited = tail;
    return dist[goal];
}

static void solve(const char *title, const char *const rows[])
{
    int start, goal, steps, visited, r;
    load(rows);
    start = find('S');
    goal = find('G');
    steps = bfs(start, goal, &visited);
    printf("%s: ", title);
    if (steps < 0) {
        printf("no path (%d cells reachable)\n", visited);
        return;
    }
    printf("%d steps, %d cells enqueued\n", steps, visited);
    for (r = parent[goal]; r != start; r = parent[r])
        maze[r / W][r % W] = '*';
    for (r = 0; r < H; r++)
        printf("  %s\n", maze[r]);
}

int main(void)
{
    static const char *const open_maze[H] = {
        "###############", "#S    #       #", "# ### # ##### #", "# #   #   #   #",
        "# # ##### # ###", "# #     # #   #", "# ##### # ### #", "#     #   #  G#",
        "###############",
    };
    static const char *const closed_maze[H] = {
        "###############", "#S  #         #", "### # ####### #", "#   # #     # #",
        "# ### # ### # #", "#     #  G# # #", "#######  ## # #", "#            ##",
        "###############",
    };
    solve("open", open_maze);
    solve("closed", closed_maze);
    return 0;
}
