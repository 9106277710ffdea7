/* Heap arrays as `Vec<T>`: malloc/calloc/realloc/strdup/free in local variables, a function
   returning an owned array (or null), a cursor walking one, and a move between owners. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int *squares(int n) {
    if (n <= 0) return NULL;
    int *a = malloc(n * sizeof *a);
    int *p = a;
    for (int i = 0; i < n; i++) *p++ = i * i;
    return a;
}

int main(void) {
    int *s = squares(5);
    if (!squares(0) && s) printf("%d %d\n", s[2], s[4]);
    int *t = realloc(s, 8 * sizeof *s);
    for (int i = 5; i < 8; i++) t[i] = -i;
    long sum = 0;
    for (int i = 0; i < 8; i++) sum += t[i];
    double *z = calloc(3, sizeof *z);
    char *d = strdup("copy");
    d[0] = 'C';
    printf("%ld %.1f %s %zu\n", sum, z[1], d, strlen(d));
    free(d);
    free(z);
    free(t);
    return 0;
}
