/* Exercises: the <string.h> toolbox on fixed buffers: snprintf with truncation and its return
 * value, strncpy into fixed-width fields, strncat, strncmp prefixes, memset/memcpy/memmove on
 * a record buffer, memcmp, memchr, and building a padded table line by pointer offsets.
 * Original program written for this corpus. */
#include <stdio.h>
#include <string.h>

struct record {
    char name[12];
    char code[6];
    int qty;
};

static void set_record(struct record *r, const char *name, const char *code, int qty) {
    memset(r, 0, sizeof *r);
    strncpy(r->name, name, sizeof r->name - 1);
    strncpy(r->code, code, sizeof r->code - 1);
    r->qty = qty;
}

/* writes "name.......qty" into a width-wide field at dst (no terminator) */
static void dotted(char *dst, int width, const char *name, int qty) {
    char num[16];
    int nlen = snprintf(num, sizeof num, "%d", qty);
    memset(dst, '.', (size_t)width);
    size_t len = strlen(name);
    if (len > (size_t)(width - nlen - 1))
        len = (size_t)(width - nlen - 1);
    memcpy(dst, name, len);
    memcpy(dst + width - nlen, num, (size_t)nlen);
}

int main(void) {
    char small[8];
    const char *msgs[] = {"ok", "pointer", "overflowing text"};
    for (int i = 0; i < 3; i++) {
        int want = snprintf(small, sizeof small, "<%s>", msgs[i]);
        printf("snprintf wanted %2d, got \"%s\" (%zu)\n", want, small, strlen(small));
    }

    struct record recs[4];
    set_record(&recs[0], "bolt", "B-100", 250);
    set_record(&recs[1], "hex nut wide flange", "N-2040", 75);
    set_record(&recs[2], "washer", "W-7", 1200);
    set_record(&recs[3], "bolt", "B-101", 9);
    for (int i = 0; i < 4; i++)
        printf("rec %d: name=\"%s\" code=\"%s\" qty=%d\n", i, recs[i].name, recs[i].code,
               recs[i].qty);

    int b_codes = 0;
    for (const struct record *r = recs; r < recs + 4; r++)
        if (strncmp(r->code, "B-", 2) == 0)
            b_codes++;
    printf("codes starting B-: %d\n", b_codes);
    printf("names equal 0/3: %d, codes equal 0/3: %d, first 4 code bytes equal: %d\n",
           strcmp(recs[0].name, recs[3].name) == 0, strcmp(recs[0].code, recs[3].code) == 0,
           memcmp(recs[0].code, recs[3].code, 4) == 0);

    char line[64];
    for (int i = 0; i < 4; i++) {
        memset(line, 0, sizeof line);
        dotted(line, 24, recs[i].name, recs[i].qty);
        strncat(line, " |", sizeof line - strlen(line) - 1);
        strncat(line, recs[i].code, 3);
        puts(line);
    }

    char buf[32] = "0123456789";
    memmove(buf + 3, buf, 7); /* overlapping to the right */
    buf[10] = '\0';
    printf("memmove right: %s\n", buf);
    memmove(buf, buf + 5, strlen(buf + 5) + 1); /* to the left, with terminator */
    printf("memmove left: %s\n", buf);

    const char *csv = "id=7;name=widget;price=12";
    const char *semi = memchr(csv, ';', strlen(csv));
    const char *none = memchr(csv, '#', strlen(csv));
    printf("first field: %.*s, '#' %s\n", (int)(semi - csv), csv, none ? "found" : "absent");

    char joined[40] = "";
    const char *parts[] = {"ptr", "walk", "arith", "deref"};
    for (int i = 0; i < 4; i++) {
        if (i > 0)
            strcat(joined, "->");
        strcat(joined, parts[i]);
    }
    printf("joined: %s (%zu)\n", joined, strlen(joined));
    return 0;
}
