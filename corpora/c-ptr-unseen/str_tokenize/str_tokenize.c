/* str_tokenize: parses CSV-like stock records with strtok, strspn and strcspn. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

#define MAXTAGS 3

struct record {
    char name[16];
    int qty;
    long price_cents;
    char tags[MAXTAGS][12];
    int ntags;
};

static const char *const input[] = {
    "apple, 12, 0.45, fruit;red",
    "  bread ,3,2.1,bakery",
    "cheese,1,7.99,dairy;aged;;imported;smelly",
    "garbage line without commas",
    "dates,  40, 0.05 ,fruit;dried",
    "eggs,12,0.30,",
};

static char *trim(char *s)
{
    char *end;
    while (isspace((unsigned char)*s))
        s++;
    end = s + strlen(s);
    while (end > s && isspace((unsigned char)end[-1]))
        end--;
    *end = '\0';
    return s;
}

static long parse_cents(const char *s)
{
    long whole = 0, frac = 0;
    int digits = 0;
    while (isdigit((unsigned char)*s))
        whole = whole * 10 + (*s++ - '0');
    if (*s == '.') {
        s++;
        while (isdigit((unsigned char)*s) && digits < 2) {
            frac = frac * 10 + (*s++ - '0');
            digits++;
        }
    }
    if (digits == 1)
        frac *= 10;
    return whole * 100 + frac;
}

static int parse(const char *line, struct record *r)
{
    char buf[80];
    char *fields[4];
    int n = 0;
    char *tok;
    const char *p;

    strncpy(buf, line, sizeof buf - 1);
    buf[sizeof buf - 1] = '\0';
    for (tok = strtok(buf, ","); tok != NULL && n < 4; tok = strtok(NULL, ","))
        fields[n++] = trim(tok);
    if (n < 3)
        return -1;
    strncpy(r->name, fields[0], sizeof r->name - 1);
    r->name[sizeof r->name - 1] = '\0';
    r->qty = atoi(fields[1]);
    r->price_cents = parse_cents(fields[2]);
    r->ntags = 0;
    if (n == 4) {
        p = fields[3];
        p += strspn(p, ";");
        while (*p != '\0' && r->ntags < MAXTAGS) {
            size_t len = strcspn(p, ";");
            if (len < sizeof r->tags[0]) {
                memcpy(r->tags[r->ntags], p, len);
                r->tags[r->ntags][len] = '\0';
                r->ntags++;
            }
            p += len;
            p += strspn(p, ";");
        }
    }
    return n;
}

int main(void)
{
    struct record recs[8];
    int count = 0, bad = 0, fruit = 0;
    long total = 0;
    size_t i;
    int j, k;

    for (i = 0; i < sizeof input / sizeof input[0]; i++) {
        int n = parse(input[i], &recs[count]);
        if (n < 0) {
            printf("line %zu: rejected \"%s\"\n", i + 1, input[i]);
            bad++;
            continue;
        }
        printf("line %zu: %d fields\n", i + 1, n);
        count++;
    }
    puts("name         qty    price    value  tags");
    for (j = 0; j < count; j++) {
        const struct record *r = &recs[j];
        long value = r->qty * r->price_cents;
        printf("%-10s %5d %4ld.%02ld %5ld.%02ld ", r->name, r->qty, r->price_cents / 100,
               r->price_cents % 100, value / 100, value % 100);
        for (k = 0; k < r->ntags; k++) {
            printf("%s<%s>", k ? "," : " ", r->tags[k]);
            if (strcmp(r->tags[k], "fruit") == 0)
                fruit++;
        }
        putchar('\n');
        total += value;
    }
    printf("total value %ld.%02ld, %d fruit records, %d rejected\n", total / 100, total % 100,
           fruit, bad);
    return bad;
}
