/* Loops, early exits, switch, conditional expressions, short-circuit conditions. */
#include <stdio.h>
int collatz(int n) {
    int steps = 0;
    while (n != 1) {
        if (n % 2 == 0) n = n / 2; else n = 3 * n + 1;
        steps++;
        if (steps > 1000) break;
    }
    return steps;
}
int classify(int c) {
    switch (c) {
    case 'a': case 'e': case 'i': case 'o': case 'u': return 1;
    case ' ': return 2;
    default: break;
    }
    return (c >= '0' && c <= '9') || c == '_' ? 3 : 0;
}
int find(const int *a, int n, int x) {
    for (int i = 0; i < n; i++) {
        if (a[i] < 0) continue;
        if (a[i] == x) return i;
    }
    return -1;
}
int main(void) {
    int a[5] = {3, -1, 4, 1, 5};
    printf("%d %d %d\n", collatz(27), classify('e'), find(a, 5, 4));
    return 0;
}
