/* Exercises: sizeof on basic types (LP64), on expressions without
 * evaluating them, on arrays (element count idiom), on structs with padding,
 * on nested arrays and pointers, and size_t arithmetic printed with %zu.
 * Original program written for this corpus. */
#include <stdio.h>

struct padded { char c; int i; char d; };
struct packed_order { int i; char c; char d; };
struct with_ll { char c; long long ll; };
struct with_arr { short s[3]; char c; };
struct nested { struct padded p; double x; };

static int side_effects;
static int bump(void) { return ++side_effects; }

int main(void) {
    printf("char=%zu short=%zu int=%zu long=%zu llong=%zu\n", sizeof(char), sizeof(short),
           sizeof(int), sizeof(long), sizeof(long long));
    printf("float=%zu double=%zu size_t=%zu ptr=%zu\n", sizeof(float), sizeof(double),
           sizeof(size_t), sizeof(int *));
    printf("unsigned=%zu uchar=%zu\n", sizeof(unsigned), sizeof(unsigned char));

    printf("padded=%zu packed_order=%zu with_ll=%zu with_arr=%zu nested=%zu\n",
           sizeof(struct padded), sizeof(struct packed_order), sizeof(struct with_ll),
           sizeof(struct with_arr), sizeof(struct nested));

    int arr[17];
    double darr[3][5];
    char text[] = "sizeof";
    printf("arr=%zu count=%zu darr=%zu row=%zu rows=%zu text=%zu\n", sizeof arr,
           sizeof arr / sizeof arr[0], sizeof darr, sizeof darr[0],
           sizeof darr / sizeof darr[0], sizeof text);

    size_t s = sizeof(bump());     /* operand is not evaluated */
    printf("s=%zu side_effects=%d\n", s, side_effects);

    short sh = 1;
    printf("sh=%zu sh+sh=%zu sh+1L=%zu 1.0f*sh=%zu 'a'=%zu\n", sizeof sh, sizeof(sh + sh),
           sizeof(sh + 1L), sizeof(1.0f * sh), sizeof('a'));

    struct padded ps[4];
    size_t total = sizeof ps;
    size_t each = sizeof ps[0];
    printf("ps total=%zu each=%zu n=%zu\n", total, each, total / each);

    size_t acc = 0;
    for (size_t i = 0; i < sizeof(arr) / sizeof(int); i += 4)
        acc += i;
    printf("acc=%zu\n", acc);

    size_t big = (size_t)0 - 1;     /* SIZE_MAX */
    printf("size_max=%zu half=%zu\n", big, big / 2);
    return (int)sizeof(struct padded);
}
