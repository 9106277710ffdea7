#include <stdio.h>
#include <stdbool.h>

#define FLOORS 8

enum state { IDLE, MOVING_UP, MOVING_DOWN, DOORS_OPEN };

struct elevator {
    int floor;
    enum state st;
    bool requests[FLOORS];
    int door_timer;
    int travelled;
    int stops;
};

static const char *state_name(enum state s)
{
    switch (s) {
    case IDLE: return "idle";
    case MOVING_UP: return "up";
    case MOVING_DOWN: return "down";
    case DOORS_OPEN: return "open";
    }
    return "?";
}

static bool any_above(const struct elevator *e)
{
    int f;
    for (f = e->floor + 1; f < FLOORS; f++)
        if (e->requests[f])
            return true;
    return false;
}

static bool any_below(const struct elevator *e)
{
    int f;
    for (f = e->floor - 1; f >= 0; f--)
        if (e->requests[f])
            return true;
    return false;
}

static void step(struct elevator *e)
{
    switch (e->st) {
    case DOORS_OPEN:
        if (--e->door_timer > 0)
            break;
        /* doors close: decide where to go */
        e->st = IDLE;
        /* fall through */
    case IDLE:
        if (e->requests[e->floor]) {
            e->requests[e->floor] = false;
            e->st = DOORS_OPEN;
            e->door_timer = 2;
            e->stops++;
        } else if (any_above(e)) {
            e->st = MOVING_UP;
        } else if (any_below(e)) {
            e->st = MOVING_DOWN;
        }
        break;
    case MOVING_UP:
    case MOVING_DOWN:
        e->floor += e->st == MOVING_UP ? 1 : -1;
        e->travelled++;
        if (e->requests[e->floor]) {
            e->requests[e->floor] = false;
            e->st = DOORS_OPEN;
            e->door_timer = 2;
            e->stops++;
        } else if (e->st == MOVING_UP && !any_above(e)) {
            e->st = IDLE;
        } else if (e->st == MOVING_DOWN && !any_below(e)) {
            e->st = IDLE;
        }
        break;
    }
}

struct call {
    int tick;
    int floor;
};

int main(void)
{
    static const struct call calls[] = {
        { 0, 5 }, { 1, 2 }, { 3, 7 }, { 6, 0 }, { 9, 3 }, { 14, 6 }, { 15, 1 }, { 22, 4 },
    };
    int ncalls = (int)(sizeof calls / sizeof calls[0]);
    struct elevator e = { 0, IDLE, { false }, 0, 0, 0 };
    int tick, next = 0;
    enum state last = IDLE;

    for (tick = 0; tick < 45; tick++) {
        int f;
        while (next < ncalls && calls[next].tick == tick) {
            e.requests[calls[next].floor] = true;
            printf("t=%2d call at floor %d\n", tick, calls[next].floor);
            next++;
        }
        step(&e);
        if (e.st != last || e.st == MOVING_UP || e.st == MOVING_DOWN) {
            printf("t=%2d floor %d %-5s [", tick, e.floor, state_name(e.st));
            for (f = 0; f < FLOORS; f++)
                putchar(e.requests[f] ? '*' : '.');
            puts("]");
        }
        last = e.st;
    }
    printf("travelled %d floors, %d stops, final state %s at %d\n", e.travelled, e.stops,
           state_name(e.st), e.floor);
    return 0;
}
