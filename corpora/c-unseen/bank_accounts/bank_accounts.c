/* Bank account simulation: accounts as structs, a scripted list of
 * transactions, overdraft checks, monthly interest in integer cents. */
#include <stdio.h>
#include <stdbool.h>

#define MAX_ACCOUNTS 5
#define NAME_LEN 16

typedef struct {
    int id;
    char owner[NAME_LEN];
    long long balance_cents;
    int overdraft_limit; /* in cents */
    unsigned int tx_count;
} Account;

typedef enum { TX_DEPOSIT, TX_WITHDRAW, TX_TRANSFER, TX_INTEREST } TxKind;

typedef struct {
    TxKind kind;
    int from;
    int to;
    long long amount;
} Transaction;

static Account accounts[MAX_ACCOUNTS];
static int account_count = 0;
static int failed_transactions = 0;

static int open_account(const char *owner, long long initial, int overdraft)
{
    Account *a;
    int i;
    if (account_count >= MAX_ACCOUNTS)
        return -1;
    a = &accounts[account_count];
    a->id = 1000 + account_count;
    for (i = 0; owner[i] != '\0' && i < NAME_LEN - 1; i++)
        a->owner[i] = owner[i];
    a->owner[i] = '\0';
    a->balance_cents = initial;
    a->overdraft_limit = overdraft;
    a->tx_count = 0;
    return account_count++;
}

static bool withdraw(Account *a, long long amount)
{
    if (a->balance_cents - amount < -(long long)a->overdraft_limit)
        return false;
    a->balance_cents -= amount;
    a->tx_count++;
    return true;
}

static void deposit(Account *a, long long amount)
{
    a->balance_cents += amount;
    a->tx_count++;
}

static void apply_interest(Account *a, int basis_points)
{
    long long interest;
    if (a->balance_cents <= 0)
        return;
    interest = a->balance_cents * basis_points / 10000;
    a->balance_cents += interest;
    a->tx_count++;
}

static void print_money(long long cents)
{
    long long whole = cents / 100;
    long long frac = cents % 100;
    if (cents < 0) {
        printf("-");
        whole = -whole;
        frac = -frac;
    }
    printf("%lld.%02lld", whole, frac);
}

static void print_accounts(void)
{
    int i;
    printf("%-6s %-12s %12s %4s\n", "ID", "Owner", "Balance", "Tx");
    for (i = 0; i < account_count; i++) {
        printf("%-6d %-12s ", accounts[i].id, accounts[i].owner);
        printf("%12lld", accounts[i].balance_cents);
        printf(" %4u  (", accounts[i].tx_count);
        print_money(accounts[i].balance_cents);
        printf(")\n");
    }
}

int main(void)
{
    const Transaction script[] = {
        { TX_DEPOSIT, 0, 0, 25000 },  { TX_WITHDRAW, 1, 0, 5050 },
        { TX_TRANSFER, 0, 2, 12345 }, { TX_WITHDRAW, 2, 0, 99999 },
        { TX_WITHDRAW, 3, 0, 1500 },  { TX_TRANSFER, 3, 1, 20000 },
        { TX_INTEREST, 0, 0, 125 },   { TX_DEPOSIT, 3, 0, 777 },
        { TX_WITHDRAW, 1, 0, 100000 }, { TX_INTEREST, 0, 0, 50 },
    };
    size_t n = sizeof script / sizeof script[0];
    size_t i;
    long long total = 0;

    open_account("Alice", 100000, 0);
    open_account("Bob", 2500, 5000);
    open_account("Carol", 0, 0);
    open_account("Dmitri", 1000, 1000);

    for (i = 0; i < n; i++) {
        const Transaction *t = &script[i];
        bool ok = true;
        int k;
        switch (t->kind) {
        case TX_DEPOSIT:
            deposit(&accounts[t->from], t->amount);
            break;
        case TX_WITHDRAW:
            ok = withdraw(&accounts[t->from], t->amount);
            break;
        case TX_TRANSFER:
            ok = withdraw(&accounts[t->from], t->amount);
            if (ok)
                deposit(&accounts[t->to], t->amount);
            break;
        case TX_INTEREST:
            for (k = 0; k < account_count; k++)
                apply_interest(&accounts[k], (int)t->amount);
            break;
        }
        printf("tx %2zu kind=%d amount=%6lld %s\n", i, (int)t->kind, t->amount,
               ok ? "ok" : "REJECTED");
        if (!ok)
            failed_transactions++;
    }
    print_accounts();
    for (i = 0; i < (size_t)account_count; i++)
        total += accounts[i].balance_cents;
    printf("total: ");
    print_money(total);
    printf("\nfailed: %d\n", failed_transactions);
    return 0;
}
