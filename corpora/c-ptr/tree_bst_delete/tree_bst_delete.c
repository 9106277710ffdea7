/* Exercises: a BST whose nodes carry parent pointers: iterative insert, deletion of leaf /
 * one-child / two-child nodes by transplanting subtrees, in-order iteration with a successor
 * function (no recursion, no stack), and a level-order walk using a malloc'd pointer queue.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>

struct node {
    int key;
    struct node *left, *right, *parent;
};

static struct node *insert(struct node **root, int key) {
    struct node *parent = NULL, **link = root;
    while (*link) {
        parent = *link;
        link = key < parent->key ? &parent->left : &parent->right;
    }
    struct node *n = malloc(sizeof *n);
    if (!n)
        return NULL;
    n->key = key;
    n->left = n->right = NULL;
    n->parent = parent;
    *link = n;
    return n;
}

static struct node *minimum(struct node *n) {
    while (n->left)
        n = n->left;
    return n;
}

static struct node *successor(struct node *n) {
    if (n->right)
        return minimum(n->right);
    struct node *p = n->parent;
    while (p && n == p->right) {
        n = p;
        p = p->parent;
    }
    return p;
}

/* replaces subtree u by subtree v in u's parent */
static void transplant(struct node **root, struct node *u, struct node *v) {
    if (!u->parent)
        *root = v;
    else if (u == u->parent->left)
        u->parent->left = v;
    else
        u->parent->right = v;
    if (v)
        v->parent = u->parent;
}

static void delete_node(struct node **root, struct node *z) {
    if (!z->left) {
        transplant(root, z, z->right);
    } else if (!z->right) {
        transplant(root, z, z->left);
    } else {
        struct node *y = minimum(z->right);
        if (y->parent != z) {
            transplant(root, y, y->right);
            y->right = z->right;
            y->right->parent = y;
        }
        transplant(root, z, y);
        y->left = z->left;
        y->left->parent = y;
    }
    free(z);
}

static struct node *find(struct node *t, int key) {
    while (t && key != t->key)
        t = key < t->key ? t->left : t->right;
    return t;
}

static void show(struct node *root, int count) {
    printf("in-order:");
    for (struct node *n = root ? minimum(root) : NULL; n; n = successor(n))
        printf(" %d", n->key);
    printf("\nlevels:");
    struct node **queue = malloc((size_t)(count > 0 ? count : 1) * sizeof *queue);
    if (!queue)
        return;
    struct node **head = queue, **tail = queue;
    if (root)
        *tail++ = root;
    while (head < tail) {
        struct node *n = *head++;
        printf(" %d", n->key);
        if (n->parent)
            printf("^%d", n->parent->key);
        if (n->left)
            *tail++ = n->left;
        if (n->right)
            *tail++ = n->right;
    }
    putchar('\n');
    free(queue);
}

int main(void) {
    struct node *root = NULL;
    int keys[] = {41, 20, 65, 11, 29, 50, 91, 32, 72, 99, 26, 55};
    int count = 0;
    for (int i = 0; i < 12; i++)
        if (insert(&root, keys[i]))
            count++;
    show(root, count);
    int del[] = {11, 91, 20, 41, 100, 65, 29, 32};
    for (int i = 0; i < 8; i++) {
        struct node *n = find(root, del[i]);
        if (!n) {
            printf("delete %d: absent\n", del[i]);
            continue;
        }
        delete_node(&root, n);
        count--;
        printf("delete %d: root now %d, %d nodes\n", del[i], root ? root->key : -1, count);
        show(root, count);
    }
    while (root)
        delete_node(&root, root);
    printf("all deleted: root %s\n", root ? "set" : "NULL");
    return 0;
}
