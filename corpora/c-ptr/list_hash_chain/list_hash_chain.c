/* Exercises: a separately chained hash table: an array of bucket head pointers, nodes that
 * own a malloc'd copy of their key, lookup/insert through a `struct entry **` slot, removal,
 * word-frequency counting over a text, and collecting entry pointers to rank them.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NBUCKETS 13

struct entry {
    char *key;
    int count;
    struct entry *next;
};

static unsigned hash(const char *s, size_t n) {
    unsigned h = 2166136261u;
    for (const char *e = s + n; s < e; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h % NBUCKETS;
}

/* returns the slot that points at the key's entry, or at the chain's terminating NULL */
static struct entry **find_slot(struct entry **table, const char *k, size_t n) {
    struct entry **slot = &table[hash(k, n)];
    while (*slot && !(strlen((*slot)->key) == n && memcmp((*slot)->key, k, n) == 0))
        slot = &(*slot)->next;
    return slot;
}

static int add_word(struct entry **table, const char *k, size_t n) {
    struct entry **slot = find_slot(table, k, n);
    if (*slot) {
        (*slot)->count++;
        return 1;
    }
    struct entry *e = malloc(sizeof *e);
    char *copy = malloc(n + 1);
    if (!e || !copy) {
        free(e);
        free(copy);
        return 0;
    }
    memcpy(copy, k, n);
    copy[n] = '\0';
    e->key = copy;
    e->count = 1;
    e->next = NULL;
    *slot = e;
    return 1;
}

static int remove_word(struct entry **table, const char *k) {
    struct entry **slot = find_slot(table, k, strlen(k));
    struct entry *e = *slot;
    if (!e)
        return 0;
    *slot = e->next;
    free(e->key);
    free(e);
    return 1;
}

int main(void) {
    struct entry *table[NBUCKETS] = {NULL};
    const char *text = "the list points to the next node and the next node points to the "
                       "tail while the head points to the first node of the list";
    for (const char *p = text; *p;) {
        size_t n = strcspn(p, " ");
        if (n > 0 && !add_word(table, p, n))
            return 1;
        p += n;
        p += strspn(p, " ");
    }
    int distinct = 0, longest_chain = 0;
    for (int b = 0; b < NBUCKETS; b++) {
        int len = 0;
        printf("bucket %2d:", b);
        for (const struct entry *e = table[b]; e; e = e->next, len++)
            printf(" %s(%d)", e->key, e->count);
        putchar('\n');
        distinct += len;
        if (len > longest_chain)
            longest_chain = len;
    }
    printf("distinct=%d longest chain=%d\n", distinct, longest_chain);

    int r_the = remove_word(table, "the");
    int r_node = remove_word(table, "node");
    int r_missing = remove_word(table, "missing");
    printf("removed: the=%d node=%d missing=%d\n", r_the, r_node, r_missing);

    struct entry **all = malloc((size_t)distinct * sizeof *all);
    if (!all)
        return 1;
    int n = 0;
    for (int b = 0; b < NBUCKETS; b++)
        for (struct entry *e = table[b]; e; e = e->next)
            all[n++] = e;
    for (int i = 1; i < n; i++) { /* rank: count descending, then key ascending */
        struct entry *x = all[i];
        int j = i;
        while (j > 0 && (all[j - 1]->count < x->count ||
                         (all[j - 1]->count == x->count && strcmp(all[j - 1]->key, x->key) > 0))) {
            all[j] = all[j - 1];
            j--;
        }
        all[j] = x;
    }
    printf("ranked (%d):", n);
    for (struct entry **p = all; p < all + n; p++)
        printf(" %s=%d", (*p)->key, (*p)->count);
    putchar('\n');
    free(all);
    for (int b = 0; b < NBUCKETS; b++)
        while (table[b])
            remove_word(table, table[b]->key);
    return 0;
}
