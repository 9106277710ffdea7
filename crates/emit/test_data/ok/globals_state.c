/* Globals as safe Rust state: constants, tables, written scalars and arrays, a struct,
 * function statics, string tables, a global array passed by pointer. */
#include <stdio.h>

static const int LIMIT = 3;
static const int primes[5] = {2, 3, 5, 7, 11};
static int counter;
static long history[4];
static struct { int hits; int misses; } stats = {0, 0};
static const char *names[3] = {"zero", "one", "two"};
static const char *greeting = "hello";

static int next_id(void) {
    static int id = 100;
    return id++;
}

static void record(long *h, int n, long v) {
    for (int i = n - 1; i > 0; i--) h[i] = h[i - 1];
    h[0] = v;
}

static void show(const char *label, const char *const words[], int n) {
    printf("%s:", label);
    for (int i = 0; i < n; i++) printf(" %s", words[i]);
    printf("\n");
}

int main(void) {
    for (int i = 0; i < 5; i++) {
        if (primes[i] > LIMIT) stats.hits++; else stats.misses++;
        counter += primes[i];
        record(history, 4, (long)counter * 10);
    }
    printf("counter=%d hits=%d misses=%d\n", counter, stats.hits, stats.misses);
    printf("history=%ld %ld %ld %ld\n", history[0], history[1], history[2], history[3]);
    int a = next_id(), b = next_id();
    printf("ids=%d %d %s %s\n", a, b, names[counter % 3], greeting);
    show("names", names, 3);
    greeting = names[1];
    printf("greeting=%s\n", greeting);
    return counter % 7;
}
