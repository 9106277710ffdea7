/* Exercises: a trie of calloc'd nodes, each holding 26 child pointers: insert walking a
 * `const char *`, prefix counting, lexicographic listing through a shared char buffer and a
 * depth index, autocompletion below a prefix node, longest common prefix, and recursive free.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>

struct trie {
    struct trie *child[26];
    int words;  /* words ending here */
    int passing; /* words in this subtree */
};

static int nodes;

static int trie_insert(struct trie *t, const char *w) {
    for (;; w++) {
        t->passing++;
        if (!*w)
            break;
        struct trie **slot = &t->child[*w - 'a'];
        if (!*slot) {
            *slot = calloc(1, sizeof **slot);
            if (!*slot)
                return 0;
            nodes++;
        }
        t = *slot;
    }
    t->words++;
    return 1;
}

static const struct trie *trie_find(const struct trie *t, const char *prefix) {
    while (t && *prefix)
        t = t->child[*prefix++ - 'a'];
    return t;
}

static void list_words(const struct trie *t, char *buf, int depth, int *budget) {
    if (*budget <= 0)
        return;
    if (t->words) {
        buf[depth] = '\0';
        printf(" %s", buf);
        if (t->words > 1)
            printf("(x%d)", t->words);
        (*budget)--;
    }
    for (int c = 0; c < 26; c++)
        if (t->child[c]) {
            buf[depth] = (char)('a' + c);
            list_words(t->child[c], buf, depth + 1, budget);
        }
}

static void trie_free(struct trie *t) {
    for (struct trie **c = t->child; c < t->child + 26; c++)
        if (*c)
            trie_free(*c);
    free(t);
}

int main(void) {
    struct trie *root = calloc(1, sizeof *root);
    if (!root)
        return 1;
    const char *words[] = {"car",  "card", "care",  "careful", "cart", "cat", "dog",
                           "dot",  "do",   "card",  "zebra",   "carp", "ca",  "dove"};
    for (int i = 0; i < 14; i++)
        if (!trie_insert(root, words[i])) {
            trie_free(root);
            return 1;
        }
    printf("words=%d nodes=%d\n", root->passing, nodes);

    char buf[32];
    int budget = 100;
    printf("all:");
    list_words(root, buf, 0, &budget);
    putchar('\n');

    const char *prefixes[] = {"car", "ca", "do", "dox", "z", "careful", "cards"};
    for (int i = 0; i < 7; i++) {
        const struct trie *n = trie_find(root, prefixes[i]);
        printf("prefix %-8s %d words", prefixes[i], n ? n->passing : 0);
        if (n) {
            int len = 0;
            for (const char *p = prefixes[i]; *p; p++)
                buf[len++] = *p;
            budget = 3;
            printf(", first 3:");
            list_words(n, buf, len, &budget);
        }
        putchar('\n');
    }

    const struct trie *t = trie_find(root, "c");
    int len = 1;
    buf[0] = 'c';
    for (;;) {
        int only = -1, kids = 0;
        for (int c = 0; c < 26; c++)
            if (t->child[c]) {
                kids++;
                only = c;
            }
        if (kids != 1 || t->words)
            break;
        buf[len++] = (char)('a' + only);
        t = t->child[only];
    }
    buf[len] = '\0';
    printf("longest common prefix of c-words: %s\n", buf);
    trie_free(root);
    return 0;
}
