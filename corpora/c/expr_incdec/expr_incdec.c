/* Exercises: pre- and post-increment/decrement used as values inside larger
 * expressions (each object modified once per full expression, so no UB): array
 * indexing with i++, while (n--), --i in conditions, on chars, unsigned,
 * doubles and struct fields. Original program written for this corpus. */
#include <stdio.h>

struct counter { int hits; unsigned char wrap; };

int main(void) {
    int i = 5;
    int a = i++;            /* a=5, i=6 */
    int b = ++i;            /* b=7, i=7 */
    int c = i--;            /* c=7, i=6 */
    int d = --i;            /* d=5, i=5 */
    printf("a=%d b=%d c=%d d=%d i=%d\n", a, b, c, d, i);

    int arr[6] = {0};
    int k = 0;
    arr[k++] = 10;
    arr[k++] = 20;
    arr[++k] = 40;           /* k=3 */
    printf("arr=%d %d %d %d k=%d\n", arr[0], arr[1], arr[2], arr[3], k);

    int n = 4, iters = 0;
    while (n--)
        iters++;
    printf("iters=%d n=%d\n", iters, n);

    int m = 4, pre_iters = 0;
    while (--m)
        pre_iters++;
    printf("pre_iters=%d m=%d\n", pre_iters, m);

    int src[5] = {3, 1, 4, 1, 5};
    int dst[5];
    int si = 0, di = 0;
    while (si < 5)
        dst[di++] = src[si++] * 2;
    printf("dst=%d %d %d %d %d di=%d\n", dst[0], dst[1], dst[2], dst[3], dst[4], di);

    int x = 10;
    int y = x++ * 2 + 1;     /* 21 */
    int z = --x - 3;         /* 7 */
    printf("x=%d y=%d z=%d\n", x, y, z);

    char ch = 'a';
    char next = ++ch;
    char prev = ch--;
    printf("ch=%c next=%c prev=%c\n", ch, next, prev);

    unsigned int u = 0;
    unsigned int before = u--;
    printf("before=%u u=%u\n", before, u);

    double f = 1.5;
    f++;
    ++f;
    double g = f--;
    printf("f=%.1f g=%.1f\n", f, g);

    struct counter ctr = {0, 254};
    for (int t = 0; t < 3; t++) {
        ctr.hits++;
        ctr.wrap++;
    }
    printf("hits=%d wrap=%d\n", ctr.hits, ctr.wrap);

    int counts[3] = {0, 0, 0};
    for (int t = 0; t < 10; t++)
        counts[t % 3]++;
    printf("counts=%d %d %d\n", counts[0], counts[1], counts[2]);

    int j = 0, sum = 0;
    for (int t = 0; t < 5; t++)
        sum += j++ + 10 * t;
    printf("sum=%d j=%d\n", sum, j);
    return i;
}
