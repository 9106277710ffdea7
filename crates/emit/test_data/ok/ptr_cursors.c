/* Cursors: pointer walks over array parameters and local arrays (`p++`, `p + k`, `p < end`,
   `p - q`, `p[k]`, null as a cursor value), and reassigned pointer parameters. */
#include <stdio.h>

static void rev(int *a, int n) {
    int *lo = a, *hi = a + n - 1;
    while (lo < hi) { int t = *lo; *lo = *hi; *hi = t; lo++; hi--; }
}

static int count_words(const char *s) {
    int n = 0, in = 0;
    while (*s) { if (*s == ' ') in = 0; else if (!in) { in = 1; n++; } s++; }
    return n;
}

static void upcase(char *s) { for (; *s; s++) if (*s >= 'a' && *s <= 'z') *s -= 32; }

static int find(int *a, int n, int x) {
    int *hit = 0;
    for (int *p = a; p < a + n; p++) if (*p == x) { hit = p; break; }
    if (!hit) return -1;
    return (int)(hit - a) + hit[0] * 0;
}

int main(void) {
    int a[6] = {1, 2, 3, 4, 5, 6};
    char buf[32] = "two small words";
    rev(a, 6);
    rev(a + 1, 4);
    for (int *p = a; p != a + 6; ++p) printf("%d ", *p);
    printf("\n%d %d %d\n", count_words(buf), find(a, 6, 4), find(a, 6, 9));
    upcase(buf + 4);
    printf("%s\n", buf);
    return 0;
}
