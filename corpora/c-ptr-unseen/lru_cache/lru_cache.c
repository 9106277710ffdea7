/* lru_cache: a fixed-capacity LRU cache of string keys: a doubly linked recency list plus a chained hash index, with hit/miss statistics. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NBUCKETS 7

struct entry {
    char *key;
    long value;
    struct entry *prev, *next; /* recency list, most recent first */
    struct entry *chain;       /* hash bucket chain */
};

struct lru {
    struct entry *head, *tail;
    struct entry *buckets[NBUCKETS];
    int size, capacity, hits, misses, evictions;
};

static unsigned bucket_of(const char *k)
{
    unsigned h = 0;
    for (; *k; k++)
        h = h * 31u + (unsigned char)*k;
    return h % NBUCKETS;
}

static void list_unlink(struct lru *c, struct entry *e)
{
    if (e->prev) e->prev->next = e->next; else c->head = e->next;
    if (e->next) e->next->prev = e->prev; else c->tail = e->prev;
    e->prev = e->next = NULL;
}

static void list_push_front(struct lru *c, struct entry *e)
{
    e->prev = NULL;
    e->next = c->head;
    if (c->head) c->head->prev = e; else c->tail = e;
    c->head = e;
}

static void evict(struct lru *c)
{
    struct entry *victim = c->tail, **link = &c->buckets[bucket_of(victim->key)];
    while (*link != victim)
        link = &(*link)->chain;
    *link = victim->chain;
    list_unlink(c, victim);
    printf("    evict %s\n", victim->key);
    free(victim->key);
    free(victim);
    c->size--;
    c->evictions++;
}

static long expensive(const char *key) /* stands in for a slow computation */
{
    long v = 0;
    const char *p;
    for (p = key; *p; p++)
        v = v * 7 + (*p - 'a' + 1);
    return v % 10007;
}

static long lru_get(struct lru *c, const char *key)
{
    struct entry *e;
    size_t len;
    for (e = c->buckets[bucket_of(key)]; e != NULL; e = e->chain)
        if (strcmp(e->key, key) == 0) {
            c->hits++;
            list_unlink(c, e);
            list_push_front(c, e);
            return e->value;
        }
    c->misses++;
    if (c->size == c->capacity)
        evict(c);
    e = calloc(1, sizeof *e);
    len = strlen(key);
    if (e == NULL || (e->key = malloc(len + 1)) == NULL) {
        free(e);
        return -1;
    }
    memcpy(e->key, key, len + 1);
    e->value = expensive(key);
    e->chain = c->buckets[bucket_of(key)];
    c->buckets[bucket_of(key)] = e;
    list_push_front(c, e);
    c->size++;
    return e->value;
}

static void show(const struct lru *c)
{
    const struct entry *e;
    printf("    [");
    for (e = c->head; e != NULL; e = e->next)
        printf("%s%s", e->key, e->next ? " " : "");
    printf("] back:");
    for (e = c->tail; e != NULL; e = e->prev)
        printf(" %s", e->key);
    putchar('\n');
}

int main(void)
{
    static const char *const requests[] = {
        "home", "about", "home", "blog", "shop", "home", "cart", "about", "blog",
        "home", "shop", "faq", "cart", "home", "faq", "blog",
    };
    struct lru c;
    size_t i;

    memset(&c, 0, sizeof c);
    c.capacity = 4;
    for (i = 0; i < sizeof requests / sizeof requests[0]; i++) {
        int before = c.hits;
        long v = lru_get(&c, requests[i]);
        if (v < 0)
            return 2;
        printf("get %-6s = %5ld %s\n", requests[i], v, c.hits > before ? "hit" : "miss");
        if (i % 4 == 3)
            show(&c);
    }
    printf("hits %d, misses %d, evictions %d, hit rate %d%%\n", c.hits, c.misses, c.evictions,
           100 * c.hits / (c.hits + c.misses));
    while (c.size > 0)
        evict(&c);
    return 0;
}
