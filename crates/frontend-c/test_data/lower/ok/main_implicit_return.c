/* Falling off main returns 0; falling off another non-void function is unreachable; void
 * functions return. */
int g;
int maybe(int x) {
    if (x)
        return 1;
}
void set(int v) {
    g = v;
}
int main(void) {
    set(maybe(1));
}
