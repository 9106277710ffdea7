/* ?: as select (pure arms) or control flow; comma operator; ?: with pointers and null. */
int t(int a, int b, int *p) {
    int m = a > b ? a : b;
    int c = (a++, b++, a + b);
    int d = a ? t(a - 1, b, p) : 0;
    int *q = p ? p : 0;
    const char *s = a ? "yes" : "no";
    return m + c + d + (q != 0) + s[0];
}
