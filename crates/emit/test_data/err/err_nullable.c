/* A pointer that may be null (returned on "not found") is a later stage. */
#include <stdio.h>

struct kv { int key; int val; };
static struct kv table[3] = {{1, 10}, {2, 20}, {3, 30}};

static struct kv *find(int key) {
    for (int i = 0; i < 3; i++)
        if (table[i].key == key) return &table[i];
    return 0;
}

int main(void) {
    struct kv *e = find(2);
    printf("%d\n", e ? e->val : -1);
    return 0;
}
