/* Arrays: indexing with int and unsigned indices, decay to pointers, sizeof, init lists. */
int sum(const int *v, unsigned n) {
    int s = 0;
    for (unsigned i = 0; i < n; i++)
        s += v[i];
    return s;
}
int arrays(void) {
    int a[5] = {1, 2, 3};
    int b[] = {4, 5, 6, 7};
    int n = sizeof b / sizeof b[0];
    a[4] = b[n - 1];
    return sum(a, 5) + sum(b, n) + *(a + 2);
}
