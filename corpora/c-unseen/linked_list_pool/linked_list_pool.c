#include <stdio.h>

#define POOL 32
#define NIL (-1)

struct node {
    int value;
    int next;
};

static struct node pool[POOL];
static int free_head;

static void pool_init(void)
{
    int i;
    for (i = 0; i < POOL - 1; i++)
        pool[i].next = i + 1;
    pool[POOL - 1].next = NIL;
    free_head = 0;
}

static int alloc_node(int value)
{
    int n = free_head;
    if (n == NIL)
        return NIL;
    free_head = pool[n].next;
    pool[n].value = value;
    pool[n].next = NIL;
    return n;
}

static void free_node(int n)
{
    pool[n].next = free_head;
    free_head = n;
}

static int insert_sorted(int head, int value)
{
    int n = alloc_node(value), cur, prev = NIL;
    if (n == NIL)
        return head;
    for (cur = head; cur != NIL && pool[cur].value < value; cur = pool[cur].next)
        prev = cur;
    pool[n].next = cur;
    if (prev == NIL)
        return n;
    pool[prev].next = n;
    return head;
}

static int remove_if(int head, int (*pred)(int), int *removed)
{
    int cur = head, prev = NIL;
    *removed = 0;
    while (cur != NIL) {
        int next = pool[cur].next;
        if (pred(pool[cur].value)) {
            if (prev == NIL)
                head = next;
            else
                pool[prev].next = next;
            free_node(cur);
            (*removed)++;
        } else {
            prev = cur;
        }
        cur = next;
    }
    return head;
}

static int reverse(int head)
{
    int prev = NIL;
    while (head != NIL) {
        int next = pool[head].next;
        pool[head].next = prev;
        prev = head;
        head = next;
    }
    return prev;
}

static void print_list(const char *label, int head)
{
    int count = 0;
    printf("%-9s:", label);
    for (; head != NIL; head = pool[head].next) {
        printf(" %d", pool[head].value);
        count++;
    }
    printf("  (%d)\n", count);
}

static int is_even(int v) { return v % 2 == 0; }
static int is_big(int v) { return v > 60; }

int main(void)
{
    int head = NIL, i, removed, free_count = 0, n;
    static const int values[] = { 42, 17, 99, 3, 58, 76, 23, 61, 8, 35, 90, 14 };

    pool_init();
    for (i = 0; i < 12; i++)
        head = insert_sorted(head, values[i]);
    print_list("sorted", head);
    head = remove_if(head, is_even, &removed);
    print_list("odd only", head);
    printf("removed %d, free head now %d\n", removed, free_head);
    head = reverse(head);
    print_list("reversed", head);
    head = remove_if(head, is_big, &removed);
    print_list("small", head);
    printf("removed %d\n", removed);
    head = reverse(head);
    print_list("ascending", head);
    for (i = 0; i < 40; i++) {
        head = insert_sorted(head, (i * 37) % 50);
    }
    print_list("refilled", head);
    for (n = free_head; n != NIL; n = pool[n].next)
        free_count++;
    printf("free nodes: %d\n", free_count);
    return 0;
}
