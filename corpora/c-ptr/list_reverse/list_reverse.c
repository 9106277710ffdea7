/* Exercises: singly linked list surgery: iterative reverse with prev/cur/next, recursive
 * reverse, delete first/all matching values through a `struct node **` cursor, building
 * from an array, copying a list, and a palindrome check that reverses the second half.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>

struct node {
    int v;
    struct node *next;
};

static struct node *from_array(const int *a, int n) {
    struct node *head = NULL, **link = &head;
    for (const int *p = a; p < a + n; p++) {
        struct node *nd = malloc(sizeof *nd);
        if (!nd)
            break;
        nd->v = *p;
        nd->next = NULL;
        *link = nd;
        link = &nd->next;
    }
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

static struct node *reverse_rec(struct node *head) {
    if (!head || !head->next)
        return head;
    struct node *rest = reverse_rec(head->next);
    head->next->next = head;
    head->next = NULL;
    return rest;
}

static int delete_first(struct node **link, int v) {
    for (; *link; link = &(*link)->next)
        if ((*link)->v == v) {
            struct node *dead = *link;
            *link = dead->next;
            free(dead);
            return 1;
        }
    return 0;
}

static int delete_all(struct node **link, int v) {
    int n = 0;
    while (*link) {
        if ((*link)->v == v) {
            struct node *dead = *link;
            *link = dead->next;
            free(dead);
            n++;
        } else {
            link = &(*link)->next;
        }
    }
    return n;
}

static int is_palindrome(struct node *head) {
    struct node *slow = head, *fast = head;
    while (fast && fast->next) {
        slow = slow->next;
        fast = fast->next->next;
    }
    struct node *back = reverse(slow), *a = head, *b = back;
    int ok = 1;
    for (; b; a = a->next, b = b->next)
        if (a->v != b->v)
            ok = 0;
    reverse(back); /* restore the second half; the first half still links to slow */
    return ok;
}

static void print(const char *label, const struct node *n) {
    printf("%-10s:", label);
    for (; n; n = n->next)
        printf(" %d", n->v);
    putchar('\n');
}

static void free_all(struct node *n) {
    while (n) {
        struct node *next = n->next;
        free(n);
        n = next;
    }
}

int main(void) {
    int data[] = {4, 8, 15, 16, 23, 42, 8, 4, 8};
    struct node *l = from_array(data, 9);
    print("built", l);
    l = reverse(l);
    print("reversed", l);
    l = reverse_rec(l);
    print("back", l);
    int d15 = delete_first(&l, 15);
    int d99 = delete_first(&l, 99);
    printf("delete 15: %d, delete 99: %d\n", d15, d99);
    printf("delete first 4: %d\n", delete_first(&l, 4));
    print("after", l);
    printf("delete all 8: %d\n", delete_all(&l, 8));
    print("after", l);
    printf("palindrome: %d\n", is_palindrome(l));
    free_all(l);

    int pals[][5] = {{1, 2, 3, 2, 1}, {1, 2, 2, 1, 0}, {7, 7, 7, 7, 7}};
    int lens[] = {5, 4, 5};
    for (int i = 0; i < 3; i++) {
        struct node *p = from_array(pals[i], lens[i]);
        int r = is_palindrome(p);
        printf("list %d palindrome=%d", i, r);
        print(" kept", p);
        free_all(p);
    }
    struct node *e = NULL;
    e = reverse(e);
    printf("empty: reverse null=%d palindrome=%d\n", e == NULL, is_palindrome(e));
    return 0;
}
