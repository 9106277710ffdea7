/* typedefs of scalars, structs (anonymous and tagged) and enums with explicit values. */
typedef unsigned int uint;
typedef enum { RED, GREEN = 5, BLUE } color;
enum flags { F_A = 1 << 0, F_B = 1 << 1, F_AB = F_A | F_B };
typedef struct { color c; uint weight; } item;
typedef struct pair pair_t;
struct pair { int a, b; };
int score(item it, pair_t *p) {
    enum flags f = F_AB;
    if (it.c == BLUE)
        return (int)it.weight + f;
    return p->a + p->b + GREEN;
}
