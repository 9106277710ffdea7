/* Exercises: a singly linked list of ints: push front, push back with a tail pointer, length,
 * sum and max by walking `n = n->next`, nth element returning NULL past the end, insertion
 * after a node, and freeing the whole list with a saved next pointer.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>

struct node {
    int value;
    struct node *next;
};

struct list {
    struct node *head, *tail;
};

static struct node *new_node(int v) {
    struct node *n = malloc(sizeof *n);
    if (n) {
        n->value = v;
        n->next = NULL;
    }
    return n;
}

static void push_front(struct list *l, int v) {
    struct node *n = new_node(v);
    if (!n)
        return;
    n->next = l->head;
    l->head = n;
    if (!l->tail)
        l->tail = n;
}

static void push_back(struct list *l, int v) {
    struct node *n = new_node(v);
    if (!n)
        return;
    if (l->tail)
        l->tail->next = n;
    else
        l->head = n;
    l->tail = n;
}

static int length(const struct node *n) {
    int len = 0;
    for (; n; n = n->next)
        len++;
    return len;
}

static struct node *nth(struct node *n, int i) {
    while (n && i-- > 0)
        n = n->next;
    return n;
}

static void insert_after(struct list *l, struct node *pos, int v) {
    struct node *n = new_node(v);
    if (!n)
        return;
    n->next = pos->next;
    pos->next = n;
    if (l->tail == pos)
        l->tail = n;
}

static void print(const char *label, const struct list *l) {
    printf("%s (%d):", label, length(l->head));
    for (const struct node *n = l->head; n; n = n->next)
        printf(" %d", n->value);
    printf("  [head %d, tail %d]\n", l->head ? l->head->value : -1,
           l->tail ? l->tail->value : -1);
}

static void free_list(struct list *l) {
    struct node *n = l->head;
    while (n) {
        struct node *next = n->next;
        free(n);
        n = next;
    }
    l->head = l->tail = NULL;
}

int main(void) {
    struct list l = {NULL, NULL};
    print("empty", &l);
    for (int i = 1; i <= 4; i++)
        push_back(&l, i * 10);
    for (int i = 1; i <= 3; i++)
        push_front(&l, -i);
    print("built", &l);

    int idx[] = {0, 3, 6, 7, 100};
    for (int k = 0; k < 5; k++) {
        struct node *n = nth(l.head, idx[k]);
        if (n)
            printf("nth(%d) = %d\n", idx[k], n->value);
        else
            printf("nth(%d) = NULL\n", idx[k]);
    }
    insert_after(&l, nth(l.head, 2), 5);
    insert_after(&l, l.tail, 99);
    print("inserted", &l);

    long sum = 0;
    const struct node *best = l.head;
    for (const struct node *n = l.head; n; n = n->next) {
        sum += n->value;
        if (n->value > best->value)
            best = n;
    }
    printf("sum=%ld max=%d\n", sum, best->value);
    free_list(&l);
    print("freed", &l);
    return 0;
}
