/* list_ops: a singly linked list of ints: push front/back, reverse in place, delete with a pointer-to-pointer, remove_if with a predicate, nth from end. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>

struct node {
    int value;
    struct node *next;
};

static int live_nodes;

static struct node *new_node(int v, struct node *next)
{
    struct node *n = malloc(sizeof *n);
    if (n == NULL) {
        puts("out of memory");
        exit(3);
    }
    n->value = v;
    n->next = next;
    live_nodes++;
    return n;
}

static void push_front(struct node **head, int v) { *head = new_node(v, *head); }

static void push_back(struct node **head, int v)
{
    while (*head != NULL)
        head = &(*head)->next;
    *head = new_node(v, NULL);
}

static void print_list(const char *label, const struct node *n)
{
    printf("%-10s", label);
    for (; n != NULL; n = n->next)
        printf(" %d", n->value);
    printf("  (%d live)\n", live_nodes);
}

static struct node *reverse(struct node *head)
{
    struct node *prev = NULL, *next;
    while (head != NULL) {
        next = head->next;
        head->next = prev;
        prev = head;
        head = next;
    }
    return prev;
}

static int delete_first(struct node **link, int v)
{
    for (; *link != NULL; link = &(*link)->next)
        if ((*link)->value == v) {
            struct node *dead = *link;
            *link = dead->next;
            free(dead);
            live_nodes--;
            return 1;
        }
    return 0;
}

static int remove_if(struct node **link, int (*pred)(int))
{
    int removed = 0;
    while (*link != NULL) {
        if (pred((*link)->value)) {
            struct node *dead = *link;
            *link = dead->next;
            free(dead);
            live_nodes--;
            removed++;
        } else {
            link = &(*link)->next;
        }
    }
    return removed;
}

static const struct node *nth_from_end(const struct node *head, int k)
{
    const struct node *lead = head, *trail = head;
    while (k-- > 0) {
        if (lead == NULL)
            return NULL;
        lead = lead->next;
    }
    for (; lead != NULL; lead = lead->next)
        trail = trail->next;
    return trail;
}

static int is_multiple_of_3(int v) { return v % 3 == 0; }
static int is_negative(int v) { return v < 0; }

int main(void)
{
    struct node *list = NULL;
    const struct node *nth;
    int i, k, d9, d100, d28;

    for (i = 1; i <= 5; i++)
        push_front(&list, i * i);
    for (i = -2; i <= 4; i++)
        push_back(&list, i * 7);
    print_list("built", list);
    list = reverse(list);
    print_list("reversed", list);
    d9 = delete_first(&list, 9);
    d100 = delete_first(&list, 100);
    d28 = delete_first(&list, 28);
    printf("delete 9: %d, delete 100: %d, delete 28: %d\n", d9, d100, d28);
    print_list("deleted", list);
    printf("removed %d multiples of 3\n", remove_if(&list, is_multiple_of_3));
    print_list("filtered", list);
    for (k = 1; k <= 8; k += 3) {
        nth = nth_from_end(list, k);
        if (nth != NULL)
            printf("%d from end: %d\n", k, nth->value);
        else
            printf("%d from end: none\n", k);
    }
    printf("removed %d negatives\n", remove_if(&list, is_negative));
    list = reverse(list);
    print_list("final", list);
    while (list != NULL)
        delete_first(&list, list->value);
    print_list("emptied", list);
    return live_nodes;
}
