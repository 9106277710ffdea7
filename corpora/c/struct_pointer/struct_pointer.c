/* Exercises: structs passed by address (`struct P *p; p->x`), functions that
 * update the caller's struct through the pointer, pointers to elements of an
 * array of structs (&arr[i]), (*p).x vs p->x, and pointers to ints in structs.
 * Original program written for this corpus. */
#include <stdio.h>

struct account {
    int id;
    long balance;
    int ops;
};

static void deposit(struct account *a, long amount) {
    a->balance += amount;
    a->ops++;
}

static int withdraw(struct account *a, long amount) {
    if (amount > a->balance)
        return 0;
    (*a).balance -= amount;
    (*a).ops++;
    return 1;
}

static int transfer(struct account *from, struct account *to, long amount) {
    if (!withdraw(from, amount))
        return 0;
    deposit(to, amount);
    return 1;
}

static void print_account(const struct account *a) {
    printf("acct %d: balance=%ld ops=%d\n", a->id, a->balance, a->ops);
}

static void bump(int *counter) {
    *counter += 1;
}

static void swap_ids(struct account *x, struct account *y) {
    int t = x->id;
    x->id = y->id;
    y->id = t;
}

int main(void) {
    struct account bank[3] = {{1, 100, 0}, {2, 50, 0}, {3, 0, 0}};
    deposit(&bank[2], 25);
    int ok1 = transfer(&bank[0], &bank[1], 70);
    int ok2 = transfer(&bank[0], &bank[2], 40);   /* fails: only 30 left */
    int ok3 = transfer(&bank[1], &bank[2], 120);
    printf("ok=%d%d%d\n", ok1, ok2, ok3);
    for (int i = 0; i < 3; i++)
        print_account(&bank[i]);

    struct account *richest = &bank[0];
    for (int i = 1; i < 3; i++)
        if (bank[i].balance > richest->balance)
            richest = &bank[i];
    printf("richest=%d\n", richest->id);

    bump(&richest->ops);
    bump(&bank[0].ops);
    swap_ids(&bank[0], &bank[2]);
    for (int i = 0; i < 3; i++)
        print_account(&bank[i]);

    struct account solo = {9, 5, 0};
    struct account *p = &solo;
    struct account **pp = &p;
    (*pp)->balance *= 11;
    deposit(*pp, 1);
    print_account(p);

    long total = 0;
    int total_ops = 0;
    for (int i = 0; i < 3; i++) {
        struct account *q = &bank[i];
        total += q->balance;
        total_ops += q->ops;
    }
    printf("total=%ld ops=%d\n", total, total_ops);
    return (int)(total % 100);
}
