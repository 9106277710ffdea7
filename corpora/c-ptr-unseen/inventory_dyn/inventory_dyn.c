/* inventory_dyn: an inventory kept in a realloc-grown array of structs with strdup'd names, driven by a script of add/sell/rename/drop commands. Original program written for this measurement set. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item {
    char *name;
    int qty;
    long cents;
};

struct inventory {
    struct item *items;
    size_t len, cap;
};

struct command {
    char op; /* a=add s=sell r=rename d=drop */
    const char *name;
    int qty;
    long cents;
    const char *new_name;
};

static struct item *find(struct inventory *inv, const char *name)
{
    struct item *it, *end = inv->items + inv->len;
    for (it = inv->items; it < end; it++)
        if (strcmp(it->name, name) == 0)
            return it;
    return NULL;
}

static int add(struct inventory *inv, const char *name, int qty, long cents)
{
    struct item *it = find(inv, name);
    if (it != NULL) {
        it->qty += qty;
        it->cents = cents;
        return 0;
    }
    if (inv->len == inv->cap) {
        size_t cap = inv->cap ? inv->cap * 2 : 2;
        struct item *p = realloc(inv->items, cap * sizeof *p);
        if (p == NULL)
            return -1;
        inv->items = p;
        inv->cap = cap;
    }
    it = &inv->items[inv->len];
    it->name = strdup(name);
    if (it->name == NULL)
        return -1;
    it->qty = qty;
    it->cents = cents;
    inv->len++;
    return 0;
}

static const char *run(struct inventory *inv, const struct command *c)
{
    struct item *it = c->op == 'a' ? NULL : find(inv, c->name);
    char *copy;
    switch (c->op) {
    case 'a':
        return add(inv, c->name, c->qty, c->cents) == 0 ? "ok" : "out of memory";
    case 's':
        if (it == NULL) return "unknown item";
        if (it->qty < c->qty) return "not enough stock";
        it->qty -= c->qty;
        return "ok";
    case 'r':
        if (it == NULL) return "unknown item";
        if (find(inv, c->new_name) != NULL) return "name taken";
        copy = strdup(c->new_name);
        if (copy == NULL) return "out of memory";
        free(it->name);
        it->name = copy;
        return "ok";
    case 'd':
        if (it == NULL) return "unknown item";
        free(it->name);
        memmove(it, it + 1, (size_t)(inv->items + inv->len - (it + 1)) * sizeof *it);
        inv->len--;
        return "ok";
    default:
        return "bad command";
    }
}

static void report(struct inventory *inv)
{
    size_t i, j, best;
    long total = 0;
    for (i = 0; i < inv->len; i++) { /* selection sort by stock value, descending */
        best = i;
        for (j = i + 1; j < inv->len; j++)
            if (inv->items[j].qty * inv->items[j].cents > inv->items[best].qty * inv->items[best].cents)
                best = j;
        if (best != i) {
            struct item tmp = inv->items[i];
            inv->items[i] = inv->items[best];
            inv->items[best] = tmp;
        }
    }
    for (i = 0; i < inv->len; i++) {
        const struct item *it = &inv->items[i];
        long value = it->qty * it->cents;
        printf("  %-14s %4d x %3ld.%02ld = %5ld.%02ld\n", it->name, it->qty, it->cents / 100,
               it->cents % 100, value / 100, value % 100);
        total += value;
    }
    printf("  %zu items (capacity %zu), total %ld.%02ld\n", inv->len, inv->cap, total / 100, total % 100);
}

int main(void)
{
    static const struct command script[] = {
        { 'a', "widget", 40, 125, NULL }, { 'a', "gadget", 5, 1999, NULL },
        { 'a', "sprocket", 120, 30, NULL }, { 's', "widget", 15, 0, NULL },
        { 's', "gadget", 6, 0, NULL }, { 'r', "sprocket", 0, 0, "cog" },
        { 'a', "gizmo", 2, 4550, NULL }, { 'a', "widget", 10, 130, NULL },
        { 'r', "gizmo", 0, 0, "widget" }, { 'd', "gadget", 0, 0, NULL },
        { 's', "doohickey", 1, 0, NULL }, { 'a', "flange", 75, 88, NULL }, { 'x', "", 0, 0, NULL },
    };
    struct inventory inv = { NULL, 0, 0 };
    size_t i;
    int failures = 0;

    for (i = 0; i < sizeof script / sizeof script[0]; i++) {
        const char *res = run(&inv, &script[i]);
        printf("%c %-10s -> %s\n", script[i].op, script[i].name, res);
        failures += strcmp(res, "ok") != 0;
    }
    report(&inv);
    for (i = 0; i < inv.len; i++)
        free(inv.items[i].name);
    free(inv.items);
    return failures;
}
