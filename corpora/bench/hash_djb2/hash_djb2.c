/* Exercises: djb2 string hashing of keys spelled into a char array, an open-addressing
 * hash table (linear probing) held in an array of structs, insertions, lookups with a
 * hand-written key comparison, and hit/miss/probe counting.
 * Original program written for this corpus. */
#include <stdio.h>

#define SIZE 65536
#define KEYS 40000
#define ROUNDS 250

struct entry {
    unsigned int hash;
    int key;
    int count;
};

/* Writes the key's decimal digits prefixed by "k" into s; returns the length. */
static int spell(int key, char s[]) {
    char tmp[16];
    int n = 0;
    do {
        tmp[n++] = (char)('0' + key % 10);
        key /= 10;
    } while (key > 0);
    s[0] = 'k';
    for (int i = 0; i < n; i++)
        s[i + 1] = tmp[n - 1 - i];
    s[n + 1] = '\0';
    return n + 1;
}

static unsigned int djb2(const char s[]) {
    unsigned int h = 5381u;
    for (int i = 0; s[i] != '\0'; i++)
        h = h * 33u + (unsigned int)(unsigned char)s[i];
    return h;
}

static int same_key(int a, int b) {
    char sa[16], sb[16];
    int la = spell(a, sa);
    int lb = spell(b, sb);
    if (la != lb)
        return 0;
    for (int i = 0; i < la; i++)
        if (sa[i] != sb[i])
            return 0;
    return 1;
}

/* Returns the slot of key (inserting it when absent), adding the probes made. */
static int find_or_insert(struct entry table[], int key, long *probes) {
    char s[16];
    spell(key, s);
    unsigned int h = djb2(s);
    int slot = (int)(h & (SIZE - 1));
    while (table[slot].count != 0) {
        *probes += 1;
        if (table[slot].hash == h && same_key(table[slot].key, key))
            return slot;
        slot = (slot + 1) & (SIZE - 1);
    }
    table[slot].hash = h;
    table[slot].key = key;
    return slot;
}

int main(void) {
    static struct entry table[SIZE];
    long probes = 0;
    unsigned int seed = 7u;
    int distinct = 0;
    unsigned int check = 0;
    for (int r = 0; r < ROUNDS; r++) {
        for (int i = 0; i < SIZE; i++) {
            table[i].hash = 0;
            table[i].key = 0;
            table[i].count = 0;
        }
        for (int i = 0; i < KEYS; i++) {
            seed = seed * 1103515245u + 12345u;
            int key = (int)((seed >> 10) % 60000u) + r;
            int slot = find_or_insert(table, key, &probes);
            if (table[slot].count == 0)
                distinct++;
            table[slot].count++;
        }
        for (int i = 0; i < SIZE; i++)
            if (table[i].count > 1)
                check = check * 131u + table[i].hash + (unsigned int)table[i].count;
    }
    printf("hash_djb2: distinct %d probes %ld check %u\n", distinct, probes, check);
    return 0;
}
