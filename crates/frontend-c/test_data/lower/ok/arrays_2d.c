/* 2-D arrays: one place per element access, array parameters with a row type,
 * row decay, brace elision in initialisers. */
int trace(int m[][3], int n) {
    int t = 0;
    for (int i = 0; i < n; i++)
        t += m[i][i];
    return t;
}
int grid(void) {
    int g[3][3] = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
    int h[2][2] = {1, 2, 3, 4};
    int *row = g[1];
    g[2][0] = h[1][1] + row[2];
    return trace(g, 3);
}
