/* Exercises: buffer copies with <string.h> (memcpy, memmove, memset, memcmp) and with
 * hand-written pointer loops (`*d++ = *s++`) over a malloc'd ring of blocks; outside
 * today's translator subset (pointer arithmetic, malloc, <string.h>), listed by the bench
 * as not translated.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK 4096
#define BLOCKS 64
#define ROUNDS 9000

static void copy_words(unsigned char *d, const unsigned char *s, size_t n) {
    const unsigned char *end = s + n;
    while (s < end)
        *d++ = *s++;
}

static unsigned int mix(const unsigned char *p, size_t n) {
    unsigned int h = 0;
    for (const unsigned char *e = p + n; p < e; p++)
        h = (h ^ *p) * 16777619u;
    return h;
}

int main(void) {
    unsigned char *ring = malloc((size_t)BLOCK * BLOCKS);
    unsigned char *tmp = malloc(BLOCK);
    if (!ring || !tmp)
        return 1;
    memset(ring, 0, (size_t)BLOCK * BLOCKS);
    unsigned int seed = 3u, acc = 0;
    int equal = 0;
    for (int r = 0; r < ROUNDS; r++) {
        unsigned char *blk = ring + (size_t)(r % BLOCKS) * BLOCK;
        for (unsigned char *p = blk; p < blk + BLOCK; p++) {
            seed = seed * 22695477u + 1u;
            *p = (unsigned char)(seed >> 16);
        }
        unsigned char *other = ring + (size_t)((r * 7 + 3) % BLOCKS) * BLOCK;
        memcpy(tmp, blk, BLOCK);
        copy_words(other, tmp, BLOCK);
        memmove(blk + 1, blk, BLOCK - 1);
        equal += memcmp(other, tmp, BLOCK) == 0;
        acc = acc * 31u + mix(ring, (size_t)BLOCK * BLOCKS / 8) + mix(other, BLOCK);
    }
    printf("ptr_bufcopy: acc %u equal %d\n", acc, equal);
    free(tmp);
    free(ring);
    return 0;
}
