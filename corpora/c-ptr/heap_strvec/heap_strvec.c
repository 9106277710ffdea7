/* Exercises: an owned list of strings: strdup'd copies kept in a realloc-grown `char **`,
 * insertion sort by strcmp that moves only the pointers, removing duplicates (freeing the
 * dropped copies), finding by prefix, and freeing every string and then the array.
 * Original program written for this corpus. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct strvec {
    char **items;
    size_t len, cap;
};

static int sv_add(struct strvec *v, const char *s) {
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 2;
        char **n = realloc(v->items, cap * sizeof *n);
        if (!n)
            return 0;
        v->items = n;
        v->cap = cap;
    }
    char *copy = strdup(s);
    if (!copy)
        return 0;
    v->items[v->len++] = copy;
    return 1;
}

static void sv_sort(struct strvec *v) {
    for (size_t i = 1; i < v->len; i++) {
        char *key = v->items[i];
        size_t j = i;
        while (j > 0 && strcmp(v->items[j - 1], key) > 0) {
            v->items[j] = v->items[j - 1];
            j--;
        }
        v->items[j] = key;
    }
}

static void sv_dedup_sorted(struct strvec *v) {
    size_t w = 0;
    for (size_t r = 0; r < v->len; r++) {
        if (w > 0 && strcmp(v->items[w - 1], v->items[r]) == 0)
            free(v->items[r]);
        else
            v->items[w++] = v->items[r];
    }
    v->len = w;
}

static void sv_print(const char *label, const struct strvec *v) {
    printf("%s [%zu]:", label, v->len);
    for (char **p = v->items; p < v->items + v->len; p++)
        printf(" %s", *p);
    putchar('\n');
}

static void sv_free(struct strvec *v) {
    for (size_t i = 0; i < v->len; i++)
        free(v->items[i]);
    free(v->items);
}

int main(void) {
    const char *src = "pear fig apple kiwi fig banana apple cherry date pear plum apricot";
    struct strvec v = {NULL, 0, 0};
    char word[16];
    const char *p = src;
    while (*p) {
        size_t n = strcspn(p, " ");
        if (n >= sizeof word)
            n = sizeof word - 1;
        memcpy(word, p, n);
        word[n] = '\0';
        if (!sv_add(&v, word)) {
            sv_free(&v);
            return 1;
        }
        p += n;
        while (*p == ' ')
            p++;
    }
    sv_print("read", &v);
    word[0] = 'X'; /* the list owns its copies; changing the buffer changes nothing */
    sv_sort(&v);
    sv_print("sorted", &v);
    sv_dedup_sorted(&v);
    sv_print("unique", &v);

    const char *prefixes[] = {"ap", "p", "z"};
    for (int i = 0; i < 3; i++) {
        size_t plen = strlen(prefixes[i]);
        printf("prefix %s:", prefixes[i]);
        for (size_t k = 0; k < v.len; k++)
            if (strncmp(v.items[k], prefixes[i], plen) == 0)
                printf(" %s", v.items[k]);
        putchar('\n');
    }

    v.items[0][0] = 'A'; /* each string is its own writable copy */
    size_t total = 0;
    for (size_t k = 0; k < v.len; k++)
        total += strlen(v.items[k]);
    printf("first=%s total chars=%zu cap=%zu\n", v.items[0], total, v.cap);
    sv_free(&v);
    return 0;
}
