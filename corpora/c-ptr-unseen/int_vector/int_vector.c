/* int_vector: a growable int array (push, pop, insert, erase, filter, map) with realloc doubling. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vec {
    int *data;
    size_t len, cap;
};

static int reallocs;

static int vec_reserve(struct vec *v, size_t want)
{
    size_t cap = v->cap ? v->cap : 4;
    int *p;
    if (want <= v->cap)
        return 0;
    while (cap < want)
        cap *= 2;
    p = realloc(v->data, cap * sizeof *p);
    if (p == NULL)
        return -1;
    v->data = p;
    v->cap = cap;
    reallocs++;
    return 0;
}

static int vec_push(struct vec *v, int x)
{
    if (vec_reserve(v, v->len + 1) != 0)
        return -1;
    v->data[v->len++] = x;
    return 0;
}

static int vec_pop(struct vec *v) { return v->data[--v->len]; }

static int vec_insert(struct vec *v, size_t at, int x)
{
    if (vec_reserve(v, v->len + 1) != 0)
        return -1;
    memmove(v->data + at + 1, v->data + at, (v->len - at) * sizeof *v->data);
    v->data[at] = x;
    v->len++;
    return 0;
}

static void vec_erase(struct vec *v, size_t at)
{
    memmove(v->data + at, v->data + at + 1, (v->len - at - 1) * sizeof *v->data);
    v->len--;
}

static void vec_filter(struct vec *v, int (*keep)(int))
{
    int *r, *w = v->data, *end = v->data + v->len;
    for (r = v->data; r < end; r++)
        if (keep(*r))
            *w++ = *r;
    v->len = (size_t)(w - v->data);
}

static void vec_map(struct vec *v, int (*f)(int))
{
    int *p;
    for (p = v->data; p != v->data + v->len; p++)
        *p = f(*p);
}

static void vec_print(const char *label, const struct vec *v)
{
    const int *p = v->data, *end = v->data + v->len;
    printf("%-8s len=%2zu cap=%2zu [", label, v->len, v->cap);
    while (p < end) {
        printf("%d", *p++);
        if (p < end)
            putchar(' ');
    }
    puts("]");
}

static int is_odd(int x) { return x % 2 != 0; }
static int square_plus_one(int x) { return x * x + 1; }
static int negate(int x) { return -x; }

int main(void)
{
    struct vec v = { NULL, 0, 0 };
    int i, sum = 0;
    long long prod = 1;

    for (i = 1; i <= 10; i++)
        if (vec_push(&v, i * 3 % 11) != 0)
            return 2;
    vec_print("pushed", &v);
    if (vec_insert(&v, 0, 100) != 0 || vec_insert(&v, 5, 55) != 0 || vec_insert(&v, v.len, -7) != 0)
        return 2;
    vec_print("inserted", &v);
    vec_erase(&v, 0);
    vec_erase(&v, v.len - 1);
    vec_print("erased", &v);
    vec_filter(&v, is_odd);
    vec_print("odd", &v);
    vec_map(&v, square_plus_one);
    vec_print("mapped", &v);
    vec_map(&v, negate);
    while (v.len > 2) {
        int x = vec_pop(&v);
        sum += x;
        prod *= x;
    }
    vec_print("popped", &v);
    printf("sum of popped %d, product %lld\n", sum, prod);
    for (i = 0; i < 40; i++)
        if (vec_push(&v, i) != 0) {
            free(v.data);
            return 2;
        }
    vec_print("grown", &v);
    printf("reallocs: %d\n", reallocs);
    free(v.data);
    return 0;
}
