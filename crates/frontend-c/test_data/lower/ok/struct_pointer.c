/* Structs by address: ->, (*p).f, self-referential pointers, arrays of structs. */
#include <stddef.h>
struct node { int value; struct node *next; };
int length(const struct node *n) {
    int k = 0;
    while (n != NULL) {
        k++;
        n = n->next;
    }
    return k;
}
int walk(void) {
    struct node nodes[3];
    for (int i = 0; i < 3; i++) {
        nodes[i].value = i * 10;
        nodes[i].next = i < 2 ? &nodes[i + 1] : NULL;
    }
    struct node *p = &nodes[0];
    (*p).value += p->next->value;
    return length(p) + p->value;
}
