/* trie_words: a trie with calloc'd nodes of 26 child pointers: insert, prefix counts, alphabetical listing, removal with pruning and the longest common prefix. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>

struct trie {
    struct trie *child[26];
    int words_below; /* words ending at or under this node */
    int is_word;
};

static int node_count;

static struct trie *new_trie(void)
{
    struct trie *t = calloc(1, sizeof *t);
    if (t == NULL)
        exit(2);
    node_count++;
    return t;
}

static int insert(struct trie *root, const char *w)
{
    struct trie *t = root;
    const char *p;
    for (p = w; *p; p++)
        if (!islower((unsigned char)*p))
            return -1;
    for (p = w; *p; p++) {
        struct trie **slot = &t->child[*p - 'a'];
        if (*slot == NULL)
            *slot = new_trie();
        t = *slot;
    }
    if (t->is_word)
        return 0;
    t->is_word = 1;
    for (t = root, p = w; *p; t = t->child[*p++ - 'a'])
        t->words_below++;
    t->words_below++;
    return 1;
}

static const struct trie *find(const struct trie *t, const char *prefix)
{
    for (; t != NULL && *prefix; prefix++)
        t = t->child[*prefix - 'a'];
    return t;
}

static void free_trie(struct trie *t)
{
    int i;
    if (t == NULL)
        return;
    for (i = 0; i < 26; i++)
        free_trie(t->child[i]);
    free(t);
    node_count--;
}

/* Removes w; frees nodes that no longer lead to any word. Returns 1 if removed. */
static int remove_word(struct trie *t, const char *w)
{
    struct trie **slot;
    int removed;
    if (*w == '\0') {
        if (!t->is_word)
            return 0;
        t->is_word = 0;
        t->words_below--;
        return 1;
    }
    slot = &t->child[*w - 'a'];
    if (*slot == NULL)
        return 0;
    removed = remove_word(*slot, w + 1);
    if (removed) {
        t->words_below--;
        if ((*slot)->words_below == 0) {
            free_trie(*slot);
            *slot = NULL;
        }
    }
    return removed;
}

static void list_words(const struct trie *t, char *buf, char *end)
{
    int i;
    if (t->is_word) {
        *end = '\0';
        printf(" %s", buf);
    }
    for (i = 0; i < 26; i++)
        if (t->child[i] != NULL) {
            *end = (char)('a' + i);
            list_words(t->child[i], buf, end + 1);
        }
}

static int common_prefix(const struct trie *t, char *out)
{
    int len = 0, i, only;
    while (!t->is_word) {
        for (only = -1, i = 0; i < 26; i++)
            if (t->child[i] != NULL)
                only = (only == -1) ? i : -2;
        if (only < 0)
            break;
        out[len++] = (char)('a' + only);
        t = t->child[only];
    }
    out[len] = '\0';
    return len;
}

int main(void)
{
    static const char *const words[] = {
        "car", "card", "care", "careful", "cart", "cat", "dog", "dot", "do", "card", "Zoo", "carton",
    };
    static const char *const prefixes[] = { "ca", "car", "do", "x", "" };
    static const char *const gone[] = { "careful", "do", "dog", "dot", "cow" };
    struct trie *root = new_trie();
    char buf[32];
    size_t i;

    for (i = 0; i < sizeof words / sizeof words[0]; i++)
        printf("%s%s:%d", i ? " " : "insert ", words[i], insert(root, words[i]));
    printf("\n%d words, %d nodes\n", root->words_below, node_count);
    for (i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        const struct trie *t = find(root, prefixes[i]);
        printf("prefix \"%s\": %d words\n", prefixes[i], t != NULL ? t->words_below : 0);
    }
    printf("all:");
    list_words(root, buf, buf);
    putchar('\n');
    for (i = 0; i < sizeof gone / sizeof gone[0]; i++) {
        int r = remove_word(root, gone[i]);
        printf("remove %s: %d, nodes %d\n", gone[i], r, node_count);
    }
    printf("left:");
    list_words(root, buf, buf);
    i = (size_t)common_prefix(root, buf);
    printf("\ncommon prefix: \"%s\" (%zu)\n", buf, i);
    free_trie(root);
    return node_count;
}
