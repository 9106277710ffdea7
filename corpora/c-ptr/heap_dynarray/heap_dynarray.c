/* Exercises: a growable array `struct vec {int *data; size_t len, cap;}` managed through a
 * pointer to the struct: push with capacity doubling via realloc, insert and remove in the
 * middle with memmove, pop, reserve, and filtering in place; records every reallocation.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vec {
    int *data;
    size_t len, cap;
};

static int grows;

static int vec_reserve(struct vec *v, size_t need) {
    if (need <= v->cap)
        return 1;
    size_t cap = v->cap ? v->cap : 4;
    while (cap < need)
        cap *= 2;
    int *d = realloc(v->data, cap * sizeof *d);
    if (!d)
        return 0;
    v->data = d;
    v->cap = cap;
    grows++;
    printf("  grow to %zu\n", cap);
    return 1;
}

static int vec_push(struct vec *v, int x) {
    if (!vec_reserve(v, v->len + 1))
        return 0;
    v->data[v->len++] = x;
    return 1;
}

static int vec_insert(struct vec *v, size_t at, int x) {
    if (at > v->len || !vec_reserve(v, v->len + 1))
        return 0;
    memmove(v->data + at + 1, v->data + at, (v->len - at) * sizeof *v->data);
    v->data[at] = x;
    v->len++;
    return 1;
}

static int vec_remove(struct vec *v, size_t at) {
    int x = v->data[at];
    memmove(v->data + at, v->data + at + 1, (v->len - at - 1) * sizeof *v->data);
    v->len--;
    return x;
}

static void vec_retain_odd(struct vec *v) {
    int *w = v->data;
    for (const int *r = v->data; r < v->data + v->len; r++)
        if (*r % 2 != 0)
            *w++ = *r;
    v->len = (size_t)(w - v->data);
}

static void vec_print(const char *label, const struct vec *v) {
    printf("%s (len %zu cap %zu):", label, v->len, v->cap);
    for (size_t i = 0; i < v->len; i++)
        printf(" %d", v->data[i]);
    putchar('\n');
}

static void vec_free(struct vec *v) {
    free(v->data);
    v->data = NULL;
    v->len = v->cap = 0;
}

int main(void) {
    struct vec v = {NULL, 0, 0};
    for (int i = 1; i <= 20; i++)
        if (!vec_push(&v, i * 3 % 11))
            return 1;
    vec_print("pushed", &v);

    vec_insert(&v, 0, -1);
    vec_insert(&v, 10, -2);
    vec_insert(&v, v.len, -3);
    printf("insert past end ok=%d\n", vec_insert(&v, v.len + 1, 99));
    vec_print("inserted", &v);

    int a = vec_remove(&v, 0);
    int b = vec_remove(&v, 5);
    int c = vec_remove(&v, v.len - 1);
    printf("removed %d %d %d\n", a, b, c);
    vec_print("removed", &v);

    vec_retain_odd(&v);
    vec_print("odd only", &v);

    long sum = 0;
    while (v.len > 0)
        sum += v.data[--v.len];
    printf("popped all, sum=%ld, grows=%d\n", sum, grows);
    vec_reserve(&v, 100);
    vec_print("reserved", &v);
    vec_free(&v);
    vec_print("freed", &v);
    return 0;
}
