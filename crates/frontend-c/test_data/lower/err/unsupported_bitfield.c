struct flags { unsigned ready : 1; unsigned mode : 3; };
int negate(int x) { return -x; }
int pack(int m) {
    struct flags f;
    f.mode = m;
    return f.mode;
}
