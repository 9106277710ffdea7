/* Exercises: a string builder `{char *buf; size_t len, cap;}` that grows with realloc:
 * append text and chars, append numbers by asking snprintf for the length first, insert
 * thousands separators, escape quotes into JSON-like output, and take ownership of the buffer.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sb {
    char *buf;
    size_t len, cap;
};

static int sb_grow(struct sb *b, size_t extra) {
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 8;
    while (cap < need)
        cap += cap / 2 + 8;
    char *n = realloc(b->buf, cap);
    if (!n)
        return 0;
    b->buf = n;
    b->cap = cap;
    return 1;
}

static void sb_putc(struct sb *b, char c) {
    if (sb_grow(b, 1)) {
        b->buf[b->len++] = c;
        b->buf[b->len] = '\0';
    }
}

static void sb_puts(struct sb *b, const char *s) {
    size_t n = strlen(s);
    if (sb_grow(b, n)) {
        memcpy(b->buf + b->len, s, n + 1);
        b->len += n;
    }
}

static void sb_int(struct sb *b, long v) {
    int n = snprintf(NULL, 0, "%ld", v);
    if (n > 0 && sb_grow(b, (size_t)n)) {
        snprintf(b->buf + b->len, (size_t)n + 1, "%ld", v);
        b->len += (size_t)n;
    }
}

static void sb_grouped(struct sb *b, long v) {
    char digits[24];
    int n = snprintf(digits, sizeof digits, "%ld", v < 0 ? -v : v);
    if (v < 0)
        sb_putc(b, '-');
    for (const char *p = digits; *p; p++) {
        sb_putc(b, *p);
        int left = n - (int)(p - digits) - 1;
        if (left > 0 && left % 3 == 0)
            sb_putc(b, ',');
    }
}

static void sb_json_str(struct sb *b, const char *s) {
    sb_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            sb_putc(b, '\\');
        sb_putc(b, *s);
    }
    sb_putc(b, '"');
}

static char *sb_take(struct sb *b) {
    char *s = b->buf;
    b->buf = NULL;
    b->len = b->cap = 0;
    return s;
}

int main(void) {
    struct sb b = {NULL, 0, 0};
    long values[] = {0, 7, -42, 1000, 123456, -9876543, 2147483647L, 1000000000000L};
    for (int i = 0; i < 8; i++) {
        b.len = 0;
        sb_grouped(&b, values[i]);
        printf("%ld -> %s (cap %zu)\n", values[i], b.buf, b.cap);
    }

    const char *names[] = {"plain", "say \"hi\"", "back\\slash", ""};
    long counts[] = {3, -1, 250000, 0};
    b.len = 0;
    sb_putc(&b, '{');
    for (int i = 0; i < 4; i++) {
        if (i)
            sb_puts(&b, ", ");
        sb_json_str(&b, names[i]);
        sb_puts(&b, ": ");
        sb_int(&b, counts[i]);
    }
    sb_putc(&b, '}');
    printf("%s\n", b.buf);
    printf("len=%zu strlen=%zu\n", b.len, strlen(b.buf));

    char *owned = sb_take(&b);
    printf("taken: %.20s... builder len=%zu\n", owned, b.len);
    free(owned);

    for (int i = 0; i < 40; i++)
        sb_putc(&b, (char)('a' + i % 26));
    sb_puts(&b, "|end");
    printf("%s len=%zu cap=%zu\n", b.buf, b.len, b.cap);
    free(b.buf);
    return 0;
}
