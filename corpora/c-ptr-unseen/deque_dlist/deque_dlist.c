/* deque_dlist: a deque on a circular doubly linked list with a sentinel node, used for rotation, a sliding-window maximum and palindrome checks. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>

struct dnode {
    int value;
    struct dnode *prev, *next;
};

struct deque {
    struct dnode head; /* sentinel: head.next is the front, head.prev the back */
    int size;
};

static void dq_init(struct deque *d)
{
    d->head.next = d->head.prev = &d->head;
    d->size = 0;
}

static void link_after(struct dnode *pos, struct dnode *n)
{
    n->prev = pos;
    n->next = pos->next;
    pos->next->prev = n;
    pos->next = n;
}

static int unlink_node(struct deque *d, struct dnode *n)
{
    int v = n->value;
    n->prev->next = n->next;
    n->next->prev = n->prev;
    free(n);
    d->size--;
    return v;
}

static int push(struct deque *d, int v, int at_back)
{
    struct dnode *n = malloc(sizeof *n);
    if (n == NULL)
        return -1;
    n->value = v;
    link_after(at_back ? d->head.prev : &d->head, n);
    d->size++;
    return 0;
}

static int pop_front(struct deque *d) { return unlink_node(d, d->head.next); }
static int pop_back(struct deque *d) { return unlink_node(d, d->head.prev); }
static int front(const struct deque *d) { return d->head.next->value; }
static int back(const struct deque *d) { return d->head.prev->value; }

static void print_dq(const char *label, const struct deque *d, int backwards)
{
    const struct dnode *n = backwards ? d->head.prev : d->head.next;
    printf("%-9s(%d):", label, d->size);
    while (n != &d->head) {
        printf(" %d", n->value);
        n = backwards ? n->prev : n->next;
    }
    putchar('\n');
}

static void clear(struct deque *d)
{
    while (d->size > 0)
        pop_front(d);
}

static int is_palindrome(const char *s)
{
    struct deque d;
    int ok = 1;
    dq_init(&d);
    for (; *s; s++)
        if (push(&d, *s, 1) != 0)
            break;
    while (d.size > 1 && ok) {
        int first = pop_front(&d);
        int last = pop_back(&d);
        ok = first == last;
    }
    clear(&d);
    return ok;
}

int main(void)
{
    static const int data[] = { 4, 2, 12, 11, -5, 7, 7, 3, 9, 1, 0, 6 };
    static const char *const words[] = { "level", "rotor", "deque", "", "abca", "noon" };
    const int n = (int)(sizeof data / sizeof data[0]);
    const int w = 3;
    struct deque d;
    int i, v;

    dq_init(&d);
    for (i = 1; i <= 6; i++)
        if (push(&d, i * 10, i % 2) != 0)
            return 2;
    print_dq("built", &d, 0);
    print_dq("reverse", &d, 1);
    for (i = 0; i < 4; i++) {
        v = pop_front(&d);
        if (push(&d, v, 1) != 0)
            return 2;
    }
    print_dq("rotated", &d, 0);
    printf("front %d back %d", front(&d), back(&d));
    v = pop_back(&d);
    printf(", popped back %d, back now %d\n", v, back(&d));
    clear(&d);

    printf("window max (w=%d):", w);
    for (i = 0; i < n; i++) {
        while (d.size > 0 && data[back(&d)] <= data[i])
            pop_back(&d);
        if (push(&d, i, 1) != 0)
            return 2;
        if (front(&d) <= i - w)
            pop_front(&d);
        if (i >= w - 1)
            printf(" %d", data[front(&d)]);
    }
    putchar('\n');
    clear(&d);
    for (i = 0; i < (int)(sizeof words / sizeof words[0]); i++)
        printf("\"%s\" %s\n", words[i], is_palindrome(words[i]) ? "is a palindrome" : "is not");
    return d.size;
}
