/* Exercises: a singly linked list of malloc'd nodes: push, sorted insertion through a
 * pointer to the link (`struct node **`), traversal, reversal in place and freeing;
 * outside today's translator subset (malloc, linked structures), listed by the bench as
 * not translated.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>

#define NODES 2500
#define ROUNDS 105

struct node {
    int value;
    struct node *next;
};

static struct node *insert_sorted(struct node *head, int v) {
    struct node *n = malloc(sizeof *n);
    if (!n)
        return head;
    n->value = v;
    struct node **link = &head;
    while (*link && (*link)->value < v)
        link = &(*link)->next;
    n->next = *link;
    *link = n;
    return head;
}

static struct node *reverse(struct node *head) {
    struct node *prev = NULL;
    while (head) {
        struct node *next = head->next;
        head->next = prev;
        prev = head;
        head = next;
    }
    return prev;
}

static unsigned int checksum(const struct node *n) {
    unsigned int h = 0;
    for (; n; n = n->next)
        h = h * 31u + (unsigned int)n->value;
    return h;
}

static void free_list(struct node *n) {
    while (n) {
        struct node *next = n->next;
        free(n);
        n = next;
    }
}

int main(void) {
    unsigned int seed = 1u, total = 0;
    for (int r = 0; r < ROUNDS; r++) {
        struct node *head = NULL;
        for (int i = 0; i < NODES; i++) {
            seed = seed * 1103515245u + 12345u;
            head = insert_sorted(head, (int)((seed >> 16) % 100000u));
        }
        total = total * 7u + checksum(head);
        head = reverse(head);
        total = total * 7u + checksum(head);
        free_list(head);
    }
    printf("ptr_linked: checksum %u\n", total);
    return 0;
}
