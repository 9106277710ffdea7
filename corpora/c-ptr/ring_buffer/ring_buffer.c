/* Exercises: a byte ring buffer kept as pointers into a malloc'd block (start, end, read and
 * write positions) with wrap-around: bulk write/read split into two memcpy calls at the
 * seam, overflow refusal, peek without consuming, and line extraction from streamed chunks.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ring {
    char *start, *end; /* storage [start, end) */
    char *rd, *wr;     /* next byte to read / write */
    size_t used;
};

static int ring_init(struct ring *r, size_t cap) {
    r->start = malloc(cap);
    if (!r->start)
        return 0;
    r->end = r->start + cap;
    r->rd = r->wr = r->start;
    r->used = 0;
    return 1;
}

static size_t ring_cap(const struct ring *r) { return (size_t)(r->end - r->start); }

static size_t ring_write(struct ring *r, const char *src, size_t n) {
    size_t space = ring_cap(r) - r->used;
    if (n > space)
        n = space;
    size_t first = (size_t)(r->end - r->wr);
    if (first > n)
        first = n;
    memcpy(r->wr, src, first);
    memcpy(r->start, src + first, n - first);
    r->wr = n - first ? r->start + (n - first) : r->wr + first;
    if (r->wr == r->end)
        r->wr = r->start;
    r->used += n;
    return n;
}

static size_t ring_peek(const struct ring *r, char *dst, size_t n) {
    if (n > r->used)
        n = r->used;
    size_t first = (size_t)(r->end - r->rd);
    if (first > n)
        first = n;
    memcpy(dst, r->rd, first);
    memcpy(dst + first, r->start, n - first);
    return n;
}

static size_t ring_read(struct ring *r, char *dst, size_t n) {
    n = ring_peek(r, dst, n);
    size_t off = (size_t)(r->rd - r->start) + n;
    r->rd = r->start + off % ring_cap(r);
    r->used -= n;
    return n;
}

/* extracts one '\n'-terminated line if the ring holds a complete one */
static int ring_getline(struct ring *r, char *line, size_t cap) {
    const char *p = r->rd;
    for (size_t i = 0; i < r->used; i++) {
        if (*p == '\n') {
            if (i + 1 > cap)
                return 0;
            ring_read(r, line, i + 1);
            line[i] = '\0';
            return 1;
        }
        if (++p == r->end)
            p = r->start;
    }
    return 0;
}

int main(void) {
    struct ring r;
    if (!ring_init(&r, 16))
        return 1;
    const char *stream[] = {"GET /a", " HTTP\nHost: x", "\nAccept: */*\n", "partial",
                            " line\n\n", "tail-without-newline"};
    char line[32];
    for (int i = 0; i < 6; i++) {
        const char *src = stream[i];
        size_t left = strlen(src);
        while (left > 0) {
            size_t put = ring_write(&r, src, left);
            printf("chunk %d: wrote %zu/%zu, used %zu, write pos %d, read pos %d\n", i, put, left,
                   r.used, (int)(r.wr - r.start), (int)(r.rd - r.start));
            src += put;
            left -= put;
            while (ring_getline(&r, line, sizeof line))
                printf("  line: \"%s\"\n", line);
            if (put == 0 && r.used == ring_cap(&r)) {
                size_t got = ring_read(&r, line, 5);
                line[got] = '\0';
                printf("  full, dropped \"%s\"\n", line);
            }
        }
    }
    char rest[17];
    size_t n = ring_peek(&r, rest, sizeof rest - 1);
    rest[n] = '\0';
    printf("left in ring (%zu): \"%s\"\n", r.used, rest);
    n = ring_read(&r, rest, 4);
    rest[n] = '\0';
    printf("read 4: \"%s\", used now %zu\n", rest, r.used);
    free(r.start);
    return 0;
}
