/* Pointer arithmetic: p + i, p - i, p - q, *(p + i) as indexing, comparisons, address-of. */
long ptrs(int *p, int *q, int i) {
    int *r = p + i;
    r = r - 2;
    long d = q - p;
    int v = *(p + 3) + *(i + p);
    int *e = &p[i];
    if (r < q && e != q)
        v += *r;
    int x = 5;
    int *px = &x;
    *px = 6;
    return d + v + x;
}
