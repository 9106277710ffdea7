/* string_builder: a growable char buffer with append helpers used to build a report and a small table. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sb {
    char *buf;
    size_t len, cap;
    int failed;
};

static void sb_grow(struct sb *b, size_t extra)
{
    size_t need = b->len + extra + 1, cap = b->cap ? b->cap : 16;
    char *p;
    if (b->failed || need <= b->cap)
        return;
    while (cap < need)
        cap += cap / 2;
    p = realloc(b->buf, cap);
    if (p == NULL) {
        b->failed = 1;
        return;
    }
    b->buf = p;
    b->cap = cap;
}

static void sb_append_n(struct sb *b, const char *s, size_t n)
{
    sb_grow(b, n);
    if (b->failed)
        return;
    memcpy(b->buf + b->len, s, n);
    b->len += n;
    b->buf[b->len] = '\0';
}

static void sb_append(struct sb *b, const char *s) { sb_append_n(b, s, strlen(s)); }

static void sb_append_char(struct sb *b, char c, int times)
{
    while (times-- > 0)
        sb_append_n(b, &c, 1);
}

static void sb_append_int(struct sb *b, long v)
{
    char tmp[24];
    char *p = tmp + sizeof tmp;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (v < 0)
        *--p = '-';
    sb_append_n(b, p, (size_t)(tmp + sizeof tmp - p));
}

static void sb_pad_to(struct sb *b, size_t line_start, size_t col)
{
    size_t used = b->len - line_start;
    if (used < col)
        sb_append_char(b, ' ', (int)(col - used));
}

struct item {
    const char *name;
    long qty;
    long delta;
};

int main(void)
{
    static const struct item items[] = {
        { "bolts", 1200, -35 }, { "nuts", 980, 0 }, { "washers", 15, 250 },
        { "hinges", 7, -7 }, { "brackets", 640, -1000 }, { "screws", -3, 9223372036854775807L },
    };
    struct sb b = { NULL, 0, 0, 0 };
    size_t i, line;
    long total = 0;

    sb_append(&b, "name");
    sb_pad_to(&b, 0, 10);
    sb_append(&b, "qty      delta\n");
    sb_append_char(&b, '-', 24);
    sb_append_char(&b, '\n', 1);
    for (i = 0; i < sizeof items / sizeof items[0]; i++) {
        line = b.len;
        sb_append(&b, items[i].name);
        sb_pad_to(&b, line, 10);
        sb_append_int(&b, items[i].qty);
        sb_pad_to(&b, line, 19);
        if (items[i].delta > 0)
            sb_append_char(&b, '+', 1);
        sb_append_int(&b, items[i].delta);
        sb_append_char(&b, '\n', 1);
        total += items[i].qty;
    }
    sb_append(&b, "total qty ");
    sb_append_int(&b, total);
    sb_append(&b, ", min long ");
    sb_append_int(&b, -9223372036854775807L - 1);
    sb_append_char(&b, '\n', 1);
    if (b.failed) {
        free(b.buf);
        return 2;
    }
    printf("%s", b.buf);
    printf("built %zu chars in a buffer of %zu\n", b.len, b.cap);
    free(b.buf);
    return 0;
}
