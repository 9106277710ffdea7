/* ++/-- pre and post on variables, array elements, struct fields and pointers. */
struct counter { int n; long total; };
int id(int a[], struct counter *c, char *s) {
    int i = 0;
    int x = i++ + ++i;
    a[i]--;
    --a[0];
    c->n++;
    ++c->total;
    s++;
    return x + a[1]++ + *s;
}
