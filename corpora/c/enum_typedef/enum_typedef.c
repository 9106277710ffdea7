/* Exercises: enums with implicit and explicit values, enums in switch,
 * enum arithmetic as int, typedefs of scalars, structs, enums and arrays,
 * and a typedef'd struct used through a pointer.
 * Original program written for this corpus. */
#include <stdio.h>

typedef unsigned int u32;
typedef int matrix2[2][2];

enum color { RED, GREEN = 5, BLUE, ALPHA = -2 };
typedef enum { NORTH, EAST, SOUTH, WEST } dir_t;

typedef struct {
    int x, y;
    dir_t facing;
} robot_t;

static const char *color_name(enum color c) {
    switch (c) {
    case RED: return "red";
    case GREEN: return "green";
    case BLUE: return "blue";
    case ALPHA: return "alpha";
    }
    return "?";
}

static dir_t turn_right(dir_t d) { return (dir_t)((d + 1) % 4); }
static dir_t turn_left(dir_t d) { return (dir_t)((d + 3) % 4); }

static void step(robot_t *r) {
    switch (r->facing) {
    case NORTH: r->y++; break;
    case EAST: r->x++; break;
    case SOUTH: r->y--; break;
    case WEST: r->x--; break;
    }
}

static u32 det(matrix2 m) {
    return (u32)(m[0][0] * m[1][1] - m[0][1] * m[1][0]);
}

int main(void) {
    enum color cs[4] = {RED, GREEN, BLUE, ALPHA};
    for (int i = 0; i < 4; i++)
        printf("%s=%d ", color_name(cs[i]), (int)cs[i]);
    printf("\nBLUE+1=%d\n", BLUE + 1);

    robot_t r = {0, 0, NORTH};
    char prog[] = "FFRFFLFRRFLF";
    for (int i = 0; prog[i] != '\0'; i++) {
        if (prog[i] == 'F')
            step(&r);
        else if (prog[i] == 'R')
            r.facing = turn_right(r.facing);
        else
            r.facing = turn_left(r.facing);
    }
    printf("robot at (%d,%d) facing %d\n", r.x, r.y, r.facing);

    matrix2 m = {{3, 8}, {4, 6}};
    u32 d = det(m);
    printf("det=%u as int=%d\n", d, (int)d);

    u32 flags = 0;
    enum { F_READ = 1, F_WRITE = 2, F_EXEC = 4 };
    flags |= F_READ | F_EXEC;
    printf("flags=%u read=%d write=%d\n", flags, (flags & F_READ) != 0, (flags & F_WRITE) != 0);
    printf("sizeof(enum color)=%zu sizeof(robot_t)=%zu\n", sizeof(enum color), sizeof(robot_t));
    return (int)r.facing + 40;
}
