/* task_heap: a priority queue on a realloc-grown binary heap of task structs with copied names, ordered by a comparator function pointer. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct task {
    char *name;
    int priority; /* smaller runs first */
    int deadline;
    int seq;      /* insertion order breaks ties */
};

struct heap {
    struct task *v;
    size_t n, cap;
    int (*before)(const struct task *, const struct task *);
    int next_seq;
};

static int by_priority(const struct task *a, const struct task *b)
{
    if (a->priority != b->priority)
        return a->priority < b->priority;
    return a->seq < b->seq;
}

static int by_deadline(const struct task *a, const struct task *b)
{
    if (a->deadline != b->deadline)
        return a->deadline < b->deadline;
    return by_priority(a, b);
}

static void swap(struct task *a, struct task *b)
{
    struct task t = *a;
    *a = *b;
    *b = t;
}

static int heap_push(struct heap *h, const char *name, int priority, int deadline)
{
    size_t i, len = strlen(name);
    char *copy = malloc(len + 1);
    if (copy == NULL)
        return -1;
    memcpy(copy, name, len + 1);
    if (h->n == h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 4;
        struct task *p = realloc(h->v, cap * sizeof *p);
        if (p == NULL) {
            free(copy);
            return -1;
        }
        h->v = p;
        h->cap = cap;
    }
    i = h->n++;
    h->v[i].name = copy;
    h->v[i].priority = priority;
    h->v[i].deadline = deadline;
    h->v[i].seq = h->next_seq++;
    while (i > 0 && h->before(&h->v[i], &h->v[(i - 1) / 2])) {
        swap(&h->v[i], &h->v[(i - 1) / 2]);
        i = (i - 1) / 2;
    }
    return 0;
}

/* Moves the top task into *out; the caller frees out->name. */
static int heap_pop(struct heap *h, struct task *out)
{
    size_t i = 0;
    if (h->n == 0)
        return 0;
    *out = h->v[0];
    h->v[0] = h->v[--h->n];
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, best = i;
        if (l < h->n && h->before(&h->v[l], &h->v[best]))
            best = l;
        if (r < h->n && h->before(&h->v[r], &h->v[best]))
            best = r;
        if (best == i)
            break;
        swap(&h->v[i], &h->v[best]);
        i = best;
    }
    return 1;
}

/* Runs a popped task for 10 time units; returns 1 if it finished after its deadline. */
static int finish(int *clock, struct task *t)
{
    int late;
    *clock += 10;
    late = *clock > t->deadline;
    printf("  t=%3d %-12s p%d due %2d%s\n", *clock, t->name, t->priority, t->deadline,
           late ? " LATE" : "");
    free(t->name);
    return late;
}

static void run(const char *label, struct heap *h,
                int (*before)(const struct task *, const struct task *))
{
    static const struct { const char *name; int prio, deadline; } jobs[] = {
        { "backup", 3, 40 }, { "email", 1, 90 }, { "compile", 2, 15 }, { "deploy", 2, 30 },
        { "lint", 4, 10 }, { "test", 2, 15 }, { "report", 5, 60 }, { "page-oncall", 0, 5 },
    };
    struct task t;
    size_t i;
    int clock = 0, late = 0;
    h->before = before;
    printf("%s:\n", label);
    for (i = 0; i < sizeof jobs / sizeof jobs[0]; i++) {
        if (heap_push(h, jobs[i].name, jobs[i].prio, jobs[i].deadline) != 0)
            exit(2);
        if (i % 3 == 2 && heap_pop(h, &t)) /* one job runs every third arrival */
            late += finish(&clock, &t);
    }
    while (heap_pop(h, &t))
        late += finish(&clock, &t);
    printf("  %d late, heap capacity %zu\n", late, h->cap);
}

int main(void)
{
    struct heap h = { NULL, 0, 0, by_priority, 0 };
    run("by priority", &h, by_priority);
    run("by deadline", &h, by_deadline);
    free(h.v);
    return 0;
}
