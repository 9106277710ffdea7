#include <stdio.h>
#include <string.h>
#include <stdint.h>

#define SLOTS 31
#define KEYLEN 16

struct entry {
    char key[KEYLEN];
    int value;
    int used;
};

static struct entry table[SLOTS];
static int probes_total;

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    size_t i;
    for (i = 0; s[i] != '\0'; i++) {
        h ^= (uint32_t)(unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

static int find_slot(const char *key)
{
    int idx = (int)(hash_str(key) % SLOTS);
    int n;
    for (n = 0; n < SLOTS; n++) {
        probes_total++;
        if (!table[idx].used || strcmp(table[idx].key, key) == 0)
            return idx;
        idx = (idx + 1) % SLOTS;
    }
    return -1;
}

static int put(const char *key, int value)
{
    int s = find_slot(key);
    if (s < 0)
        return 0;
    if (!table[s].used) {
        size_t i;
        for (i = 0; i < KEYLEN - 1 && key[i] != '\0'; i++)
            table[s].key[i] = key[i];
        table[s].key[i] = '\0';
        table[s].used = 1;
        table[s].value = 0;
    }
    table[s].value += value;
    return 1;
}

static int get(const char *key, int *out)
{
    int s = find_slot(key);
    if (s < 0 || !table[s].used)
        return 0;
    *out = table[s].value;
    return 1;
}

static const char *words =
    "the cat and the dog and the bird sat on the mat while the cat ate "
    "a fish and the dog ate a bone and nobody sat on the bird";

int main(void)
{
    char word[KEYLEN];
    int i = 0, len = 0, distinct = 0, total = 0, v;
    static const char *queries[] = { "the", "cat", "bird", "zebra", "and", "mat" };
    size_t q;

    for (;;) {
        char c = words[i++];
        if (c == ' ' || c == '\0') {
            if (len > 0) {
                word[len] = '\0';
                if (!get(word, &v))
                    distinct++;
                put(word, 1);
                total++;
                len = 0;
            }
            if (c == '\0')
                break;
        } else if (len < KEYLEN - 1) {
            word[len++] = c;
        }
    }
    printf("%d words, %d distinct, %d probes\n", total, distinct, probes_total);
    for (i = 0; i < SLOTS; i++) {
        if (table[i].used) {
            int home = (int)(hash_str(table[i].key) % SLOTS);
            printf("slot %2d: %-8s %2d (home %2d%s)\n", i, table[i].key, table[i].value, home,
                   home == i ? "" : ", displaced");
        }
    }
    for (q = 0; q < sizeof queries / sizeof queries[0]; q++) {
        if (get(queries[q], &v))
            printf("%-6s -> %d\n", queries[q], v);
        else
            printf("%-6s -> missing\n", queries[q]);
    }
    printf("hash(\"hello\") = %08x\n", (unsigned)hash_str("hello"));
    return 0;
}
