/* bst_ops: a binary search tree of ints: insert, search, delete (all three cases), traversals with a visitor callback, height, and k-th smallest. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>

struct tnode {
    int key;
    struct tnode *left, *right;
};

static int allocated;

static int insert(struct tnode **root, int key)
{
    while (*root != NULL) {
        if (key == (*root)->key)
            return 0;
        root = key < (*root)->key ? &(*root)->left : &(*root)->right;
    }
    *root = malloc(sizeof **root);
    if (*root == NULL)
        return -1;
    (*root)->key = key;
    (*root)->left = (*root)->right = NULL;
    allocated++;
    return 1;
}

static int contains(const struct tnode *t, int key)
{
    while (t != NULL && t->key != key)
        t = key < t->key ? t->left : t->right;
    return t != NULL;
}

static int erase(struct tnode **link, int key)
{
    struct tnode *dead, **succ;
    while (*link != NULL && (*link)->key != key)
        link = key < (*link)->key ? &(*link)->left : &(*link)->right;
    if (*link == NULL)
        return 0;
    dead = *link;
    if (dead->left == NULL) {
        *link = dead->right;
    } else if (dead->right == NULL) {
        *link = dead->left;
    } else {
        succ = &dead->right;
        while ((*succ)->left != NULL)
            succ = &(*succ)->left;
        dead->key = (*succ)->key;
        dead = *succ;
        *succ = dead->right;
    }
    free(dead);
    allocated--;
    return 1;
}

static void in_order(const struct tnode *t, void (*visit)(int, void *), void *ctx)
{
    if (t == NULL)
        return;
    in_order(t->left, visit, ctx);
    visit(t->key, ctx);
    in_order(t->right, visit, ctx);
}

static void pre_order(const struct tnode *t)
{
    if (t == NULL) {
        printf(" .");
        return;
    }
    printf(" %d", t->key);
    pre_order(t->left);
    pre_order(t->right);
}

static int height(const struct tnode *t)
{
    int l, r;
    if (t == NULL)
        return 0;
    l = height(t->left);
    r = height(t->right);
    return 1 + (l > r ? l : r);
}

static void free_tree(struct tnode *t)
{
    if (t == NULL)
        return;
    free_tree(t->left);
    free_tree(t->right);
    free(t);
    allocated--;
}

struct kth { int k, seen, found; };

static void print_key(int key, void *ctx) { (void)ctx; printf(" %d", key); }
static void find_kth(int key, void *ctx)
{
    struct kth *s = ctx;
    if (++s->seen == s->k)
        s->found = key;
}

int main(void)
{
    static const int keys[] = { 50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30, 10, 90, 85 };
    static const int gone[] = { 20, 30, 50, 99, 85 };
    struct tnode *root = NULL;
    struct kth kq;
    size_t i;
    int dups = 0, r;

    for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        r = insert(&root, keys[i]);
        if (r < 0)
            return 2;
        dups += r == 0;
    }
    printf("%d nodes, %d duplicates, height %d\nsorted:", allocated, dups, height(root));
    in_order(root, print_key, NULL);
    printf("\npreorder:");
    pre_order(root);
    putchar('\n');
    for (kq.k = 1; kq.k <= 11; kq.k += 5) {
        kq.seen = 0;
        kq.found = -1;
        in_order(root, find_kth, &kq);
        printf("k=%d -> %d\n", kq.k, kq.found);
    }
    for (i = 0; i < sizeof gone / sizeof gone[0]; i++) {
        r = erase(&root, gone[i]);
        printf("erase %d: %s, root now %d, height %d\n", gone[i], r ? "ok" : "absent",
               root != NULL ? root->key : -1, height(root));
    }
    printf("preorder:");
    pre_order(root);
    printf("\ncontains 45? %d  contains 50? %d  nodes %d\n", contains(root, 45),
           contains(root, 50), allocated);
    free_tree(root);
    return allocated;
}
