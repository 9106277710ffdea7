/* josephus_ring: circular singly linked lists: the Josephus elimination order checked against the recurrence, and a round-robin CPU scheduler. Original program written for this measurement set. */
#include <stdio.h>
#include <stdlib.h>

struct ring {
    int id;
    int remaining;
    struct ring *next;
};

/* Builds a ring of n nodes with ids 1..n; returns the LAST node (its next is the first). */
static struct ring *make_ring(int n, const int *bursts)
{
    struct ring *last = NULL, *first = NULL, *r;
    int i;
    for (i = 1; i <= n; i++) {
        r = malloc(sizeof *r);
        if (r == NULL)
            exit(2);
        r->id = i;
        r->remaining = bursts != NULL ? bursts[i - 1] : 0;
        if (first == NULL)
            first = r;
        else
            last->next = r;
        last = r;
    }
    last->next = first;
    return last;
}

static int josephus_sim(int n, int k, int show)
{
    struct ring *prev = make_ring(n, NULL), *cur;
    int step, survivor;
    if (show)
        printf("n=%d k=%d order:", n, k);
    while (prev->next != prev) {
        for (step = 1; step < k; step++)
            prev = prev->next;
        cur = prev->next;
        prev->next = cur->next;
        if (show)
            printf(" %d", cur->id);
        free(cur);
    }
    survivor = prev->id;
    free(prev);
    if (show)
        printf(" | survivor %d\n", survivor);
    return survivor;
}

static int josephus_formula(int n, int k)
{
    int i, pos = 0;
    for (i = 2; i <= n; i++)
        pos = (pos + k) % i;
    return pos + 1;
}

static void round_robin(const int *bursts, int n, int quantum)
{
    struct ring *prev = make_ring(n, bursts), *cur;
    int clock = 0, done = 0, slice;
    long total_turnaround = 0;
    printf("round robin, quantum %d:\n", quantum);
    while (done < n) {
        cur = prev->next;
        slice = cur->remaining < quantum ? cur->remaining : quantum;
        clock += slice;
        cur->remaining -= slice;
        if (cur->remaining == 0) {
            printf("  t=%3d: P%d finishes\n", clock, cur->id);
            total_turnaround += clock;
            done++;
            if (cur == prev) {
                free(cur);
                break;
            }
            prev->next = cur->next;
            free(cur);
        } else {
            prev = cur;
        }
    }
    printf("  average turnaround %ld.%02ld\n", total_turnaround / n, total_turnaround * 100 / n % 100);
}

int main(void)
{
    static const int bursts[] = { 10, 3, 7, 1, 12, 5 };
    int n, k, mismatches = 0;

    josephus_sim(7, 3, 1);
    josephus_sim(10, 2, 1);
    josephus_sim(1, 5, 1);
    josephus_sim(6, 1, 1);
    for (n = 1; n <= 30; n++)
        for (k = 1; k <= 6; k++)
            if (josephus_sim(n, k, 0) != josephus_formula(n, k))
                mismatches++;
    printf("simulation vs recurrence: %d mismatches over 180 cases\n", mismatches);
    printf("J(41,3) = %d\n", josephus_formula(41, 3));
    round_robin(bursts, 6, 4);
    round_robin(bursts, 6, 20);
    return mismatches;
}
