/* One translatable function and one that declares a variable-length array. */
int triple(int x) {
    return 3 * x;
}

int sum_first(int n) {
    int buf[n];
    int s = 0;
    for (int i = 0; i < n; i++)
        buf[i] = i;
    for (int i = 0; i < n; i++)
        s += buf[i];
    return s;
}

int main(void) {
    return triple(1) + sum_first(4);
}
