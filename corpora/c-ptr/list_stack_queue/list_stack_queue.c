/* Exercises: a stack (push/pop at the head) and a FIFO queue (head and tail pointers) built
 * from malloc'd list nodes; the stack checks bracket nesting and evaluates postfix
 * expressions, the queue runs a round-robin scheduler; everything is freed on every path.
 * Original program written for this corpus. */
#include <stdio.h>
#include <stdlib.h>

struct item {
    long val;
    struct item *next;
};

static int push(struct item **top, long v) {
    struct item *it = malloc(sizeof *it);
    if (!it)
        return 0;
    it->val = v;
    it->next = *top;
    *top = it;
    return 1;
}

static int pop(struct item **top, long *out) {
    struct item *it = *top;
    if (!it)
        return 0;
    *out = it->val;
    *top = it->next;
    free(it);
    return 1;
}

static void clear(struct item **top) {
    long dummy;
    while (pop(top, &dummy))
        ;
}

struct queue {
    struct item *head, *tail;
};

static int enqueue(struct queue *q, long v) {
    struct item *it = malloc(sizeof *it);
    if (!it)
        return 0;
    it->val = v;
    it->next = NULL;
    if (q->tail)
        q->tail->next = it;
    else
        q->head = it;
    q->tail = it;
    return 1;
}

static int dequeue(struct queue *q, long *out) {
    if (!pop(&q->head, out))
        return 0;
    if (!q->head)
        q->tail = NULL;
    return 1;
}

static int balanced(const char *s) {
    struct item *st = NULL;
    long open;
    for (; *s; s++) {
        if (*s == '(' || *s == '[' || *s == '{') {
            push(&st, *s);
        } else if (*s == ')' || *s == ']' || *s == '}') {
            char want = *s == ')' ? '(' : *s == ']' ? '[' : '{';
            if (!pop(&st, &open) || open != want) {
                clear(&st);
                return 0;
            }
        }
    }
    int ok = st == NULL;
    clear(&st);
    return ok;
}

static int rpn(const char *s, long *result) {
    struct item *st = NULL;
    long a, b;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            long v = 0;
            while (s[1] >= '0' && s[1] <= '9')
                v = v * 10 + (*s++ - '0');
            push(&st, v * 10 + (*s - '0'));
        } else if (*s == '+' || *s == '-' || *s == '*') {
            if (!pop(&st, &b) || !pop(&st, &a)) {
                clear(&st);
                return 0;
            }
            push(&st, *s == '+' ? a + b : *s == '-' ? a - b : a * b);
        }
    }
    int ok = pop(&st, result) && st == NULL;
    clear(&st);
    return ok;
}

int main(void) {
    const char *br[] = {"{a[1](2)}", "(()", "([)]", "", "}{", "f(x[i]{y})"};
    for (int i = 0; i < 6; i++)
        printf("balanced \"%s\": %d\n", br[i], balanced(br[i]));

    const char *ex[] = {"3 4 + 2 *", "5 1 2 + 4 * + 3 -", "12 3 - 100 *", "1 +", "1 2 3"};
    for (int i = 0; i < 5; i++) {
        long r = 0;
        if (rpn(ex[i], &r))
            printf("rpn \"%s\" = %ld\n", ex[i], r);
        else
            printf("rpn \"%s\": malformed\n", ex[i]);
    }

    /* round robin: task id * 100 + remaining work, quantum 3 */
    struct queue q = {NULL, NULL};
    long work[] = {5, 2, 7, 3};
    for (int i = 0; i < 4; i++)
        enqueue(&q, (i + 1) * 100 + work[i]);
    long t = 0, task;
    while (dequeue(&q, &task)) {
        long id = task / 100, left = task % 100;
        long run = left < 3 ? left : 3;
        t += run;
        if (left > run)
            enqueue(&q, id * 100 + left - run);
        else
            printf("task %ld done at t=%ld\n", id, t);
    }
    printf("queue empty: %d\n", q.head == NULL && q.tail == NULL);
    return 0;
}
