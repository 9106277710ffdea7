int ok(int x) { return x; }
int vla(int n) {
    int buf[n];
    buf[0] = 1;
    return buf[0];
}
