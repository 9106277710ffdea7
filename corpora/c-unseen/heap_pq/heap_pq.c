#include <stdio.h>
#include <string.h>

#define CAP 32

struct task {
    int priority;
    int seq;
    char name[16];
};

struct heap {
    struct task items[CAP];
    int size;
};

static int before(const struct task *a, const struct task *b)
{
    if (a->priority != b->priority)
        return a->priority > b->priority;
    return a->seq < b->seq;
}

static void swap_tasks(struct heap *h, int i, int j)
{
    struct task t = h->items[i];
    h->items[i] = h->items[j];
    h->items[j] = t;
}

static int heap_push(struct heap *h, int priority, int seq, const char *name)
{
    int i;
    if (h->size == CAP)
        return 0;
    i = h->size++;
    h->items[i].priority = priority;
    h->items[i].seq = seq;
    strncpy(h->items[i].name, name, sizeof h->items[i].name - 1);
    h->items[i].name[sizeof h->items[i].name - 1] = '\0';
    while (i > 0 && before(&h->items[i], &h->items[(i - 1) / 2])) {
        swap_tasks(h, i, (i - 1) / 2);
        i = (i - 1) / 2;
    }
    return 1;
}

static struct task heap_pop(struct heap *h)
{
    struct task top = h->items[0];
    int i = 0;
    h->items[0] = h->items[--h->size];
    for (;;) {
        int l = 2 * i + 1, r = 2 * i + 2, best = i;
        if (l < h->size && before(&h->items[l], &h->items[best]))
            best = l;
        if (r < h->size && before(&h->items[r], &h->items[best]))
            best = r;
        if (best == i)
            break;
        swap_tasks(h, i, best);
        i = best;
    }
    return top;
}

static int is_heap(const struct heap *h)
{
    int i;
    for (i = 1; i < h->size; i++)
        if (before(&h->items[i], &h->items[(i - 1) / 2]))
            return 0;
    return 1;
}

int main(void)
{
    static const char *names[] = { "compile", "test", "deploy", "lint", "docs",
                                   "backup", "email", "review", "merge", "bench" };
    static const int prios[] = { 5, 3, 9, 1, 2, 7, 3, 5, 8, 3 };
    struct heap h;
    int i, seq = 0;
    unsigned int lcg = 12345u;

    h.size = 0;
    for (i = 0; i < 10; i++) {
        heap_push(&h, prios[i], seq, names[i]);
        seq++;
    }
    printf("size=%d heap_ok=%d top=%s\n", h.size, is_heap(&h), h.items[0].name);
    for (i = 0; i < 4; i++) {
        struct task t = heap_pop(&h);
        printf("run %-8s prio=%d seq=%d\n", t.name, t.priority, t.seq);
    }
    heap_push(&h, 10, seq++, "hotfix");
    heap_push(&h, 0, seq++, "cleanup");
    printf("after inserts size=%d heap_ok=%d\n", h.size, is_heap(&h));
    while (h.size > 0) {
        struct task t = heap_pop(&h);
        printf("run %-8s prio=%d seq=%d\n", t.name, t.priority, t.seq);
    }

    /* heap sort of pseudo-random numbers */
    for (i = 0; i < 20; i++) {
        lcg = lcg * 1103515245u + 12345u;
        heap_push(&h, (int)((lcg >> 16) % 100u), i, "n");
    }
    printf("sorted:");
    while (h.size > 0) {
        struct task t = heap_pop(&h);
        printf(" %d", t.priority);
    }
    putchar('\n');
    return 0;
}
