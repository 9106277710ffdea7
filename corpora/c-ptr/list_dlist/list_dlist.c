/* Exercises: a doubly linked list with head and tail pointers: unlink a node from anywhere
 * (fixing prev/next of both neighbours and the ends), push front, walk forward and backward,
 * and an LRU cache of fixed capacity built on it (hit moves to front, miss evicts the tail).
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>

struct dnode {
    int key, value;
    struct dnode *prev, *next;
};

struct dlist {
    struct dnode *head, *tail;
    int len;
};

static void unlink_node(struct dlist *l, struct dnode *n) {
    if (n->prev)
        n->prev->next = n->next;
    else
        l->head = n->next;
    if (n->next)
        n->next->prev = n->prev;
    else
        l->tail = n->prev;
    n->prev = n->next = NULL;
    l->len--;
}

static void push_front(struct dlist *l, struct dnode *n) {
    n->prev = NULL;
    n->next = l->head;
    if (l->head)
        l->head->prev = n;
    else
        l->tail = n;
    l->head = n;
    l->len++;
}

static void show(const struct dlist *l) {
    printf("  [");
    for (const struct dnode *n = l->head; n; n = n->next)
        printf(" %d=%d", n->key, n->value);
    printf(" ] back:");
    for (const struct dnode *n = l->tail; n; n = n->prev)
        printf(" %d", n->key);
    putchar('\n');
}

static int hits, misses, evictions;

/* returns the cached value for key, computing key*key+1 on a miss */
static int lru_get(struct dlist *l, int cap, int key) {
    for (struct dnode *n = l->head; n; n = n->next)
        if (n->key == key) {
            hits++;
            unlink_node(l, n);
            push_front(l, n);
            return n->value;
        }
    misses++;
    struct dnode *n;
    if (l->len >= cap) {
        n = l->tail; /* reuse the evicted node */
        unlink_node(l, n);
        evictions++;
        printf("  evict %d\n", n->key);
    } else {
        n = malloc(sizeof *n);
        if (!n)
            return -1;
    }
    n->key = key;
    n->value = key * key + 1;
    push_front(l, n);
    return n->value;
}

int main(void) {
    struct dlist l = {NULL, NULL, 0};
    int requests[] = {1, 2, 3, 1, 4, 5, 2, 1, 6, 6, 3, 1, 7, 4};
    for (int i = 0; i < 14; i++) {
        int v = lru_get(&l, 4, requests[i]);
        printf("get %d -> %d\n", requests[i], v);
        show(&l);
    }
    printf("hits=%d misses=%d evictions=%d len=%d\n", hits, misses, evictions, l.len);

    /* remove every node with an odd key, walking from the tail */
    struct dnode *n = l.tail;
    while (n) {
        struct dnode *prev = n->prev;
        if (n->key % 2 != 0) {
            unlink_node(&l, n);
            free(n);
        }
        n = prev;
    }
    printf("even keys only (len %d):\n", l.len);
    show(&l);
    while (l.head) {
        struct dnode *h = l.head;
        unlink_node(&l, h);
        free(h);
    }
    printf("emptied: len=%d head=%s tail=%s\n", l.len, l.head ? "set" : "NULL",
           l.tail ? "set" : "NULL");
    return 0;
}
