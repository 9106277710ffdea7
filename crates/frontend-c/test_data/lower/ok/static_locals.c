/* Function-local statics become module globals named func.var; locals in loops with
 * partial initialisers are zero-filled. */
int next_id(void) {
    static int id = 100;
    return id++;
}
int twice(void) {
    static int id;
    static const char tag[] = "t";
    return id++ + tag[0];
}
int fill(int n) {
    int s = 0;
    for (int i = 0; i < n; i++) {
        int v[4] = {i};
        s += v[0] + v[3];
    }
    return s;
}
