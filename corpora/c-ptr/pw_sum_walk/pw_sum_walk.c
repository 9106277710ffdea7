/* Exercises: walking int arrays with a moving pointer (`p++`, `p < end`), reading through
 * `*p`, pointer difference to recover an index, and pointers passed as [begin, end) ranges.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stddef.h>

static long sum_range(const int *begin, const int *end) {
    long s = 0;
    for (const int *p = begin; p < end; p++)
        s += *p;
    return s;
}

static const int *max_elem(const int *begin, const int *end) {
    const int *best = begin;
    for (const int *p = begin + 1; p < end; ++p)
        if (*p > *best)
            best = p;
    return best;
}

static int count_if_even(const int *p, const int *end) {
    int n = 0;
    while (p != end) {
        if (*p % 2 == 0)
            n++;
        p++;
    }
    return n;
}

static const int *find_first(const int *p, const int *end, int key) {
    while (p < end && *p != key)
        ++p;
    return p;
}

int main(void) {
    int data[] = {7, -3, 12, 5, 40, 8, -11, 40, 2, 9, 16, 1};
    const int n = (int)(sizeof data / sizeof data[0]);
    const int *end = data + n;

    printf("count=%d sum=%ld\n", n, sum_range(data, end));
    printf("first half sum=%ld second half sum=%ld\n", sum_range(data, data + n / 2),
           sum_range(data + n / 2, end));

    const int *m = max_elem(data, end);
    printf("max=%d at index %td\n", *m, m - data);
    printf("evens=%d\n", count_if_even(data, end));

    int keys[] = {40, 2, 99, 7};
    for (const int *k = keys; k < keys + 4; k++) {
        const int *hit = find_first(data, end, *k);
        if (hit == end)
            printf("key %d: not found\n", *k);
        else
            printf("key %d: index %td, %td elements after it\n", *k, hit - data, end - hit - 1);
    }

    /* prefix sums written through a second walking pointer */
    long pre[12];
    long *out = pre;
    long acc = 0;
    for (const int *p = data; p < end; p++) {
        acc += *p;
        *out++ = acc;
    }
    printf("prefix:");
    for (const long *q = pre; q != out; q++)
        printf(" %ld", *q);
    printf("\n");
    printf("written=%td\n", out - pre);
    return 0;
}
