/* word_freq: counts word frequencies with a chained hash table of strdup'd words, then ranks them through a malloc'd array of node pointers. Original program written for this measurement set. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define NBUCKETS 31

struct entry {
    char *word;
    int count;
    struct entry *next;
};

static struct entry *buckets[NBUCKETS];
static int distinct;

static unsigned hash(const char *s)
{
    unsigned h = 5381;
    while (*s)
        h = h * 33u + (unsigned char)*s++;
    return h % NBUCKETS;
}

static int add_word(const char *w)
{
    struct entry **head = &buckets[hash(w)], *e;
    for (e = *head; e != NULL; e = e->next)
        if (strcmp(e->word, w) == 0) {
            e->count++;
            return 0;
        }
    e = malloc(sizeof *e);
    if (e == NULL)
        return -1;
    e->word = strdup(w);
    if (e->word == NULL) {
        free(e);
        return -1;
    }
    e->count = 1;
    e->next = *head;
    *head = e;
    distinct++;
    return 0;
}

static int count_text(const char *text)
{
    char word[32];
    const char *p = text;
    int total = 0;
    while (*p) {
        char *w = word;
        while (*p && !isalpha((unsigned char)*p))
            p++;
        while (isalpha((unsigned char)*p) || (*p == '\'' && w > word && isalpha((unsigned char)p[1]))) {
            if (w < word + sizeof word - 1)
                *w++ = (char)tolower((unsigned char)*p);
            p++;
        }
        *w = '\0';
        if (w > word) {
            if (add_word(word) != 0)
                return -1;
            total++;
        }
    }
    return total;
}

static int ranks_before(const struct entry *a, const struct entry *b)
{
    if (a->count != b->count)
        return a->count > b->count;
    return strcmp(a->word, b->word) < 0;
}

int main(void)
{
    const char *text =
        "It was the best of times, it was the worst of times; it was the age of wisdom, "
        "it was the age of foolishness... The spring of hope, the winter of despair! "
        "We had everything before us, we had nothing before us. Don't panic: it's only a test.";
    struct entry **all, *e, *next;
    int total, i, j, n = 0, longest = 0, used = 0;

    total = count_text(text);
    if (total < 0)
        return 2;
    for (i = 0; i < NBUCKETS; i++) {
        int len = 0;
        for (e = buckets[i]; e != NULL; e = e->next)
            len++;
        if (len > longest)
            longest = len;
        used += len > 0;
    }
    printf("%d words, %d distinct, %d of %d buckets used, longest chain %d\n", total, distinct,
           used, NBUCKETS, longest);
    all = malloc((size_t)distinct * sizeof *all);
    if (all == NULL)
        return 2;
    for (i = 0; i < NBUCKETS; i++)
        for (e = buckets[i]; e != NULL; e = e->next)
            all[n++] = e;
    for (i = 1; i < n; i++) {
        struct entry *key = all[i];
        for (j = i; j > 0 && ranks_before(key, all[j - 1]); j--)
            all[j] = all[j - 1];
        all[j] = key;
    }
    for (i = 0; i < n && i < 12; i++)
        printf("%2d. %-8s %2d %.*s\n", i + 1, all[i]->word, all[i]->count, all[i]->count,
               "**********");
    printf("singletons:");
    for (i = 0; i < n; i++)
        if (all[i]->count == 1)
            printf(" %s", all[i]->word);
    putchar('\n');
    free(all);
    for (i = 0; i < NBUCKETS; i++)
        for (e = buckets[i]; e != NULL; e = next) {
            next = e->next;
            free(e->word);
            free(e);
        }
    return 0;
}
