/* list_merge_sort: merge sort of a linked list of score records (slow/fast split), merging sorted lists and dropping duplicates. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec {
    char name[12];
    int score;
    struct rec *next;
};

typedef int (*rec_cmp)(const struct rec *, const struct rec *);

static int by_score_desc(const struct rec *a, const struct rec *b) { return b->score - a->score; }
static int by_name(const struct rec *a, const struct rec *b) { return strcmp(a->name, b->name); }

static struct rec *merge(struct rec *a, struct rec *b, rec_cmp cmp)
{
    struct rec head;
    struct rec *tail = &head;
    while (a != NULL && b != NULL) {
        if (cmp(b, a) < 0) {
            tail->next = b;
            b = b->next;
        } else {
            tail->next = a;
            a = a->next;
        }
        tail = tail->next;
    }
    tail->next = a != NULL ? a : b;
    return head.next;
}

static struct rec *sort_list(struct rec *list, rec_cmp cmp)
{
    struct rec *slow, *fast, *second;
    if (list == NULL || list->next == NULL)
        return list;
    slow = list;
    fast = list->next;
    while (fast != NULL && fast->next != NULL) {
        slow = slow->next;
        fast = fast->next->next;
    }
    second = slow->next;
    slow->next = NULL;
    list = sort_list(list, cmp);
    second = sort_list(second, cmp);
    return merge(list, second, cmp);
}

static struct rec *build(const char *const *names, const int *scores, int n)
{
    struct rec *head = NULL;
    int i;
    for (i = n - 1; i >= 0; i--) {
        struct rec *r = malloc(sizeof *r);
        if (r == NULL)
            exit(2);
        strncpy(r->name, names[i], sizeof r->name - 1);
        r->name[sizeof r->name - 1] = '\0';
        r->score = scores[i];
        r->next = head;
        head = r;
    }
    return head;
}

static int drop_duplicate_names(struct rec *list)
{
    int dropped = 0;
    while (list != NULL && list->next != NULL) {
        if (strcmp(list->name, list->next->name) == 0) {
            struct rec *dup = list->next;
            if (dup->score > list->score)
                list->score = dup->score;
            list->next = dup->next;
            free(dup);
            dropped++;
        } else {
            list = list->next;
        }
    }
    return dropped;
}

static void show(const char *label, const struct rec *r)
{
    int n = 0;
    printf("%s:", label);
    for (; r != NULL; r = r->next, n++)
        printf("%s %s=%d", n % 4 == 0 && n > 0 ? "\n   " : "", r->name, r->score);
    printf("  [%d]\n", n);
}

int main(void)
{
    static const char *const names1[] = { "kim", "ana", "raj", "lou", "eve", "bob", "ana" };
    static const int scores1[] = { 72, 88, 91, 65, 88, 79, 93 };
    static const char *const names2[] = { "zed", "bob", "cy", "eve" };
    static const int scores2[] = { 50, 84, 77, 60 };
    struct rec *a = build(names1, scores1, 7);
    struct rec *b = build(names2, scores2, 4);
    struct rec *all, *next;
    int dropped;

    show("first", a);
    a = sort_list(a, by_score_desc);
    show("by score", a);
    a = sort_list(a, by_name);
    b = sort_list(b, by_name);
    show("second", b);
    all = merge(a, b, by_name);
    show("merged", all);
    dropped = drop_duplicate_names(all);
    printf("dropped %d duplicates, keeping best scores\n", dropped);
    all = sort_list(all, by_score_desc);
    show("ranking", all);
    while (all != NULL) {
        next = all->next;
        free(all);
        all = next;
    }
    return 0;
}
