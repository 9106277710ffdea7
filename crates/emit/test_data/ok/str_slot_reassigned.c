/* A `const char *` local first set to a literal, later to a string from a table: the Rust
 * binding must be typed as a slice, not as the literal's array type. */
#include <stdio.h>

struct entry {
    const char *name;
    int score;
};

static const struct entry table[3] = {{"ann", 7}, {"bo", 12}, {"cyrus", 9}};

int main(void) {
    const char *best = "nobody";
    int top = 10;
    for (int i = 0; i < 3; i++) {
        if (table[i].score > top) {
            top = table[i].score;
            best = table[i].name;
        }
    }
    printf("best=%s top=%d\n", best, top);
    return 0;
}
