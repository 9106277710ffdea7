/* Vending machine state machine driven by a scripted event list:
 * enum states and events, switch dispatch, change making. */
#include <stdio.h>

typedef enum { ST_IDLE, ST_COLLECTING, ST_VENDING, ST_SERVICE } State;
typedef enum { EV_COIN, EV_SELECT, EV_CANCEL, EV_SERVICE, EV_RESTOCK } EventKind;

typedef struct {
    EventKind kind;
    int arg;
} Event;

typedef struct {
    const char *name;
    int price;
    int stock;
} Product;

static Product products[] = {
    { "Cola", 120, 2 }, { "Water", 80, 5 }, { "Chips", 150, 1 }, { "Candy", 65, 0 },
};
static const int coin_values[] = { 200, 100, 50, 20, 10, 5 };
static const char *const state_names[] = { "IDLE", "COLLECTING", "VENDING", "SERVICE" };

static int credit = 0;
static int cash_box = 0;

static void give_change(int amount)
{
    size_t i;
    printf("  change %d:", amount);
    for (i = 0; i < sizeof coin_values / sizeof coin_values[0]; i++) {
        int n = amount / coin_values[i];
        if (n > 0) {
            printf(" %dx%d", n, coin_values[i]);
            amount %= coin_values[i];
        }
    }
    printf("%s\n", amount == 0 ? "" : " (short)");
}

static State step(State s, Event e)
{
    switch (s) {
    case ST_SERVICE:
        if (e.kind == EV_RESTOCK) {
            products[e.arg].stock += 3;
            printf("  restocked %s -> %d\n", products[e.arg].name, products[e.arg].stock);
            return ST_SERVICE;
        }
        if (e.kind == EV_SERVICE)
            return ST_IDLE;
        printf("  ignored: machine in service\n");
        return ST_SERVICE;
    case ST_IDLE:
        if (e.kind == EV_SERVICE)
            return ST_SERVICE;
        if (e.kind != EV_COIN) {
            printf("  insert coins first\n");
            return ST_IDLE;
        }
        /* fall through */
    case ST_COLLECTING:
        switch (e.kind) {
        case EV_COIN:
            credit += e.arg;
            printf("  credit %d\n", credit);
            return ST_COLLECTING;
        case EV_CANCEL:
            give_change(credit);
            credit = 0;
            return ST_IDLE;
        case EV_SELECT: {
            Product *p = &products[e.arg];
            if (p->stock == 0) {
                printf("  %s sold out\n", p->name);
                return ST_COLLECTING;
            }
            if (credit < p->price) {
                printf("  %s costs %d, need %d more\n", p->name, p->price, p->price - credit);
                return ST_COLLECTING;
            }
            p->stock--;
            cash_box += p->price;
            credit -= p->price;
            printf("  dispensing %s\n", p->name);
            return ST_VENDING;
        }
        default:
            printf("  busy\n");
            return s;
        }
    case ST_VENDING:
        break;
    }
    return s;
}

int main(void)
{
    const Event script[] = {
        { EV_SELECT, 0 }, { EV_COIN, 100 }, { EV_SELECT, 0 }, { EV_COIN, 50 },
        { EV_SELECT, 0 }, { EV_COIN, 200 }, { EV_SELECT, 3 }, { EV_SELECT, 2 },
        { EV_COIN, 20 }, { EV_COIN, 10 }, { EV_CANCEL, 0 }, { EV_SERVICE, 0 },
        { EV_COIN, 50 }, { EV_RESTOCK, 3 }, { EV_SERVICE, 0 }, { EV_COIN, 100 },
        { EV_SELECT, 3 },
    };
    State s = ST_IDLE;
    size_t i;

    for (i = 0; i < sizeof script / sizeof script[0]; i++) {
        State next;
        printf("[%-10s] event %d(%d)\n", state_names[s], (int)script[i].kind, script[i].arg);
        next = step(s, script[i]);
        if (next == ST_VENDING) {
            if (credit > 0)
                give_change(credit);
            credit = 0;
            next = ST_IDLE;
        }
        s = next;
    }
    printf("final state %s, cash box %d, credit %d\n", state_names[s], cash_box, credit);
    for (i = 0; i < sizeof products / sizeof products[0]; i++)
        printf("%-6s stock %d\n", products[i].name, products[i].stock);
    return 0;
}
