/* A menu-driven inventory program (do/while menu loop) fed from a fixed
 * scripted input array instead of the keyboard. */
#include <stdio.h>
#include <string.h>

#define MAX_ITEMS 6

typedef struct {
    char name[12];
    int qty;
    double price;
} Item;

static Item stock[MAX_ITEMS];
static int item_count;

static const int input[] = { 1, 0, 5, 1, 1, 12, 1, 2, 3, 2, 0, 2, 4, 3, 9, 2, 1, 20,
                             5, 7, 4, 1, 4, 2, 3, 0 };
static size_t input_pos;

static int read_int(void)
{
    if (input_pos < sizeof input / sizeof input[0])
        return input[input_pos++];
    return 0; /* behaves like end of input: quit */
}

static const char *const catalogue[] = { "widget", "gadget", "gizmo", "doohickey", "sprocket" };
static const double prices[] = { 2.50, 12.99, 7.25, 0.99, 4.10 };

static void add_item(void)
{
    int which = read_int(), qty = read_int(), i;
    for (i = 0; i < item_count; i++)
        if (strcmp(stock[i].name, catalogue[which]) == 0) {
            stock[i].qty += qty;
            printf("  %s now %d\n", stock[i].name, stock[i].qty);
            return;
        }
    if (item_count == MAX_ITEMS) {
        printf("  inventory full\n");
        return;
    }
    strcpy(stock[item_count].name, catalogue[which]);
    stock[item_count].qty = qty;
    stock[item_count].price = prices[which];
    item_count++;
    printf("  added %d x %s\n", qty, catalogue[which]);
}

static void remove_item(void)
{
    int idx = read_int(), qty = read_int();
    if (idx < 0 || idx >= item_count) {
        printf("  no item #%d\n", idx);
        return;
    }
    if (qty > stock[idx].qty) {
        printf("  only %d %s left\n", stock[idx].qty, stock[idx].name);
        return;
    }
    stock[idx].qty -= qty;
    printf("  removed %d x %s\n", qty, stock[idx].name);
}

static void list_items(void)
{
    int i;
    double total = 0.0;
    printf("  %-3s %-10s %5s %8s %9s\n", "#", "name", "qty", "price", "value");
    for (i = 0; i < item_count; i++) {
        double value = stock[i].qty * stock[i].price;
        printf("  %-3d %-10s %5d %8.2f %9.2f\n", i, stock[i].name, stock[i].qty, stock[i].price,
               value);
        total += value;
    }
    printf("  total value: %.2f\n", total);
}

int main(void)
{
    int choice, rounds = 0;
    do {
        printf("menu: 1=add 2=remove 3=list 4=restock-low 0=quit > ");
        choice = read_int();
        printf("%d\n", choice);
        rounds++;
        switch (choice) {
        case 1: add_item(); break;
        case 2: remove_item(); break;
        case 3: list_items(); break;
        case 4: {
            int i, restocked = 0;
            for (i = 0; i < item_count; i++)
                if (stock[i].qty < 5) {
                    stock[i].qty += 10;
                    restocked++;
                }
            printf("  restocked %d item(s)\n", restocked);
            break;
        }
        case 0: printf("  bye\n"); break;
        default: printf("  invalid choice %d\n", choice); break;
        }
    } while (choice != 0);
    printf("%d rounds, %zu inputs consumed\n", rounds, input_pos);
    return 0;
}
