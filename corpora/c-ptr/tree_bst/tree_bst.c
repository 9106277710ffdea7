/* Exercises: a binary search tree of malloc'd nodes: recursive insert returning the new
 * subtree root, iterative search returning a node pointer or NULL, in-order/pre-order walks,
 * height, size, min/max by following left/right links, and post-order freeing.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>

struct tnode {
    int key;
    int count; /* duplicates are counted, not inserted */
    struct tnode *left, *right;
};

static struct tnode *insert(struct tnode *t, int key) {
    if (!t) {
        t = malloc(sizeof *t);
        if (t) {
            t->key = key;
            t->count = 1;
            t->left = t->right = NULL;
        }
        return t;
    }
    if (key < t->key)
        t->left = insert(t->left, key);
    else if (key > t->key)
        t->right = insert(t->right, key);
    else
        t->count++;
    return t;
}

static struct tnode *search(struct tnode *t, int key) {
    while (t && t->key != key)
        t = key < t->key ? t->left : t->right;
    return t;
}

static int height(const struct tnode *t) {
    if (!t)
        return 0;
    int l = height(t->left), r = height(t->right);
    return 1 + (l > r ? l : r);
}

static int size(const struct tnode *t) { return t ? 1 + size(t->left) + size(t->right) : 0; }

static void inorder(const struct tnode *t) {
    if (!t)
        return;
    inorder(t->left);
    printf(" %d", t->key);
    if (t->count > 1)
        printf("x%d", t->count);
    inorder(t->right);
}

static void preorder(const struct tnode *t, int depth) {
    if (!t)
        return;
    printf("%*s%d\n", 2 * depth + 2, "", t->key);
    preorder(t->left, depth + 1);
    preorder(t->right, depth + 1);
}

static void free_tree(struct tnode *t) {
    if (!t)
        return;
    free_tree(t->left);
    free_tree(t->right);
    free(t);
}

int main(void) {
    int keys[] = {50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30, 50, 50, 10, 85};
    struct tnode *root = NULL;
    for (int i = 0; i < 15; i++)
        root = insert(root, keys[i]);
    printf("in-order:");
    inorder(root);
    printf("\nsize=%d height=%d\n", size(root), height(root));
    printf("pre-order:\n");
    preorder(root, 0);

    int probes[] = {45, 50, 55, 10, 90};
    for (int i = 0; i < 5; i++) {
        const struct tnode *n = search(root, probes[i]);
        if (n)
            printf("search %d: found, count %d, children %s/%s\n", probes[i], n->count,
                   n->left ? "L" : "-", n->right ? "R" : "-");
        else
            printf("search %d: not found\n", probes[i]);
    }
    const struct tnode *lo = root, *hi = root;
    while (lo->left)
        lo = lo->left;
    while (hi->right)
        hi = hi->right;
    printf("min=%d max=%d\n", lo->key, hi->key);
    free_tree(root);

    struct tnode *chain = NULL; /* sorted input degenerates into a list */
    for (int k = 1; k <= 12; k++)
        chain = insert(chain, k * k);
    printf("degenerate: size=%d height=%d\n", size(chain), height(chain));
    free_tree(chain);
    return 0;
}
