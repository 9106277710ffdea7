/* Exercises: assignments used as values inside conditions (`if ((r = f()) != 0)`,
 * `while ((x -= 3) > 0)`), chained assignment, a pointer chosen by a ternary
 * between two locals and written through, a pointer parameter that is read and
 * written, and nested ternaries with side effects in only the taken arm.
 * Original program written for this corpus. */
#include <stdio.h>

static int source_pos;
static const int source[7] = {5, 3, 8, 0, 4, 1, 0};

static int next_value(void) {
    if (source_pos >= 7)
        return -1;
    return source[source_pos++];
}

static int take_positive(int *slot) {
    int v = *slot > 0 ? *slot : 0;
    *slot -= v;
    return v;
}

int main(void) {
    int v, total = 0, chunks = 0;
    while ((v = next_value()) >= 0) {
        if ((total += v) > 10) {
            chunks++;
            total = 0;
        }
    }
    printf("chunks=%d rest=%d pos=%d\n", chunks, total, source_pos);

    int x = 20, steps = 0;
    while ((x -= 3) > 0)
        steps++;
    printf("x=%d steps=%d\n", x, steps);

    int a = 1, b = 2, c = 3;
    a = b = c = a + b + c;
    printf("a=%d b=%d c=%d\n", a, b, c);

    int left = 0, right = 0;
    for (int i = 0; i < 10; i++) {
        int *p = (i % 3 == 0) ? &left : &right;
        *p += i;
    }
    printf("left=%d right=%d\n", left, right);

    int some = 42, negative = -4;
    int got = take_positive(&some);
    int got_neg = take_positive(&negative);
    printf("got=%d some=%d got_neg=%d negative=%d\n", got, some, got_neg, negative);

    int hits = 0, r;
    if ((r = source[2] * 2) > 10 && (hits = hits + 1))
        printf("r=%d hits=%d\n", r, hits);

    int calls_a = 0, calls_b = 0, calls_c = 0;
    for (int i = 0; i < 9; i++) {
        int pick = i % 3 == 0 ? (calls_a++, 1) : i % 3 == 1 ? (calls_b += 2, 2) : (calls_c += 3, 3);
        total += pick;
    }
    printf("calls=%d %d %d total=%d\n", calls_a, calls_b, calls_c, total);

    int m = 0;
    int n = (m = 5) + 1;
    int q = (m += 2) * 2;
    printf("m=%d n=%d q=%d\n", m, n, q);
    return m;
}
