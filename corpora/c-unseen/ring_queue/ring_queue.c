/* A print-job spooler built on a fixed-size ring buffer queue, with an
 * undo stack of cancelled jobs on a fixed array. */
#include <stdio.h>
#include <stdbool.h>

#define QCAP 5
#define SCAP 4

typedef struct {
    int id;
    int pages;
    char owner;
} Job;

typedef struct {
    Job items[QCAP];
    unsigned head;
    unsigned count;
} Queue;

typedef struct {
    Job items[SCAP];
    int top;
} Stack;

static bool q_push(Queue *q, Job j)
{
    if (q->count == QCAP)
        return false;
    q->items[(q->head + q->count) % QCAP] = j;
    q->count++;
    return true;
}

static bool q_pop(Queue *q, Job *out)
{
    if (q->count == 0)
        return false;
    *out = q->items[q->head];
    q->head = (q->head + 1) % QCAP;
    q->count--;
    return true;
}

static bool s_push(Stack *s, Job j)
{
    if (s->top == SCAP)
        return false;
    s->items[s->top++] = j;
    return true;
}

static bool s_pop(Stack *s, Job *out)
{
    if (s->top == 0)
        return false;
    *out = s->items[--s->top];
    return true;
}

static void q_show(const Queue *q)
{
    unsigned i;
    printf("  queue[%u]:", q->count);
    for (i = 0; i < q->count; i++) {
        const Job *j = &q->items[(q->head + i) % QCAP];
        printf(" #%d(%c,%d)", j->id, j->owner, j->pages);
    }
    putchar('\n');
}

int main(void)
{
    /* Commands: 'a' add job, 'p' print one, 'c' cancel head, 'u' undo cancel. */
    const char script[] = "aaaapcaaaaapuupppcpaup";
    const char owners[] = "ABC";
    Queue q = { .head = 0, .count = 0 };
    Stack undo = { .top = 0 };
    int next_id = 1, printed_pages = 0;
    size_t i;

    for (i = 0; script[i] != '\0'; i++) {
        Job j;
        switch (script[i]) {
        case 'a':
            j.id = next_id;
            j.pages = (next_id * 7) % 11 + 1;
            j.owner = owners[next_id % 3];
            if (q_push(&q, j)) {
                printf("add #%d\n", j.id);
                next_id++;
            } else {
                printf("add #%d failed: queue full\n", next_id);
            }
            break;
        case 'p':
            if (q_pop(&q, &j)) {
                printed_pages += j.pages;
                printf("print #%d, %d pages\n", j.id, j.pages);
            } else {
                printf("nothing to print\n");
            }
            break;
        case 'c':
            if (q_pop(&q, &j) && s_push(&undo, j))
                printf("cancel #%d\n", j.id);
            break;
        case 'u':
            if (!s_pop(&undo, &j))
                printf("nothing to undo\n");
            else if (!q_push(&q, j))
                printf("undo #%d failed, dropped\n", j.id);
            else
                printf("restore #%d\n", j.id);
            break;
        }
        q_show(&q);
    }
    printf("pages printed: %d, head index %u\n", printed_pages, q.head);
    return 0;
}
