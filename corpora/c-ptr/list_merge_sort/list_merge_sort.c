/* Exercises: merge sort on a singly linked list: split at the middle with slow/fast pointers,
 * merge through a `struct node **` tail cursor (stable), sorting records by two different
 * keys, merging two sorted lists, and checking order and stability afterwards.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node {
    char name[8];
    int score;
    int seq; /* input order, to check stability */
    struct node *next;
};

typedef int (*less_fn)(const struct node *, const struct node *);

static int by_score(const struct node *a, const struct node *b) { return a->score < b->score; }
static int by_name(const struct node *a, const struct node *b) {
    return strcmp(a->name, b->name) < 0;
}

static struct node *merge(struct node *a, struct node *b, less_fn less) {
    struct node *head = NULL, **tail = &head;
    while (a && b) {
        struct node **pick = less(b, a) ? &b : &a; /* ties take from a: stable */
        *tail = *pick;
        tail = &(*pick)->next;
        *pick = (*pick)->next;
    }
    *tail = a ? a : b;
    return head;
}

static struct node *sort(struct node *head, less_fn less) {
    if (!head || !head->next)
        return head;
    struct node *slow = head, *fast = head->next;
    while (fast && fast->next) {
        slow = slow->next;
        fast = fast->next->next;
    }
    struct node *second = slow->next;
    slow->next = NULL;
    struct node *left = sort(head, less);
    struct node *right = sort(second, less);
    return merge(left, right, less);
}

static struct node *build(const char *names, const int *scores, int n, int seq0) {
    struct node *head = NULL;
    for (int i = n - 1; i >= 0; i--) {
        struct node *nd = malloc(sizeof *nd);
        if (!nd)
            break;
        memcpy(nd->name, names + 3 * i, 3);
        nd->name[3] = '\0';
        nd->score = scores[i];
        nd->seq = seq0 + i;
        nd->next = head;
        head = nd;
    }
    return head;
}

static void print(const char *label, const struct node *n) {
    printf("%s:\n ", label);
    int col = 0;
    for (; n; n = n->next) {
        printf(" %s/%d/#%d", n->name, n->score, n->seq);
        if (++col % 6 == 0 && n->next)
            printf("\n ");
    }
    putchar('\n');
}

static void check(const struct node *n) {
    int sorted = 1, stable = 1;
    for (; n && n->next; n = n->next) {
        if (n->next->score < n->score)
            sorted = 0;
        if (n->next->score == n->score && n->next->seq < n->seq)
            stable = 0;
    }
    printf("sorted=%d stable=%d\n", sorted, stable);
}

int main(void) {
    const char *names = "kimamyzoebobevaleoannjoeidajan";
    int scores[] = {70, 85, 70, 92, 85, 60, 70, 99, 60, 85};
    struct node *l = build(names, scores, 10, 0);
    print("input", l);
    l = sort(l, by_score);
    print("by score", l);
    check(l);

    const char *more = "ximtedsal";
    int more_scores[] = {88, 70, 95};
    struct node *m = sort(build(more, more_scores, 3, 10), by_score);
    l = merge(l, m, by_score);
    print("merged", l);
    check(l);

    l = sort(l, by_name);
    print("by name", l);
    while (l) {
        struct node *next = l->next;
        free(l);
        l = next;
    }
    return 0;
}
