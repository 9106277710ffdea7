/* Exercises: a small simulation mixing an array of structs, enums for item
 * kinds and event types, a const event script, function pointers chosen per
 * event, global totals, and a final report with formatted columns.
 * Original program written for this corpus. */
#include <stdio.h>

enum kind { TOOL, FOOD, PART };
enum event_type { RESTOCK, SELL, SPOIL };

struct item {
    char code[4];
    enum kind kind;
    int qty;
    int price_cents;
};

struct event {
    enum event_type type;
    int item;
    int amount;
};

static struct item stock[4] = {
    {"HAM", TOOL, 5, 1299},
    {"APL", FOOD, 40, 45},
    {"BLT", PART, 200, 12},
    {"BRD", FOOD, 10, 250},
};

static const struct event script[9] = {
    {SELL, 1, 15}, {SELL, 0, 2}, {SPOIL, 3, 4}, {RESTOCK, 0, 10}, {SELL, 2, 150},
    {SELL, 2, 80}, {SPOIL, 0, 1}, {SELL, 3, 6}, {RESTOCK, 2, 500},
};

static long revenue;
static int rejected;

static void do_restock(struct item *it, int n) { it->qty += n; }

static void do_sell(struct item *it, int n) {
    if (n > it->qty) {
        rejected++;
        return;
    }
    it->qty -= n;
    revenue += (long)n * it->price_cents;
}

static void do_spoil(struct item *it, int n) {
    if (it->kind != FOOD) {
        rejected++;
        return;
    }
    it->qty = n > it->qty ? 0 : it->qty - n;
}

static const char *kind_name(enum kind k) {
    return k == TOOL ? "tool" : k == FOOD ? "food" : "part";
}

int main(void) {
    void (*handlers[3])(struct item *, int) = {do_restock, do_sell, do_spoil};
    for (int i = 0; i < 9; i++) {
        struct event e = script[i];
        handlers[e.type](&stock[e.item], e.amount);
        printf("event %d: type=%d item=%s amount=%d -> qty=%d\n", i, (int)e.type,
               stock[e.item].code, e.amount, stock[e.item].qty);
    }
    printf("%-5s %-5s %5s %8s\n", "code", "kind", "qty", "value");
    long total_value = 0;
    for (int i = 0; i < 4; i++) {
        long value = (long)stock[i].qty * stock[i].price_cents;
        total_value += value;
        printf("%-5s %-5s %5d %5ld.%02ld\n", stock[i].code, kind_name(stock[i].kind), stock[i].qty,
               value / 100, value % 100);
    }
    printf("revenue=%ld.%02ld stock value=%ld.%02ld rejected=%d\n", revenue / 100, revenue % 100,
           total_value / 100, total_value % 100, rejected);
    return rejected;
}
