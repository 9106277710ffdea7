/* Globals and statics with constant initialisers: scalars, nested braces, designators,
 * strings for char arrays and pointer tables, addresses of globals. */
int counter;
static int limit = 10 * 4;
const double ratio = 1.5;
int table[2][3] = {{1, 2}, {4}};
int sparse[8] = {[2] = 5, [6] = 7, 9};
char greeting[] = "hello";
char buf[8] = "hi";
const char *names[] = {"zero", "one", "two"};
struct cfg { int id; const char *label; int weights[3]; };
struct cfg configs[2] = {{1, "a", {1, 2, 3}}, {.label = "b", .id = 2}};
int *pcounter = &counter;
int *first = sparse;
int bump(void) {
    counter += limit;
    return counter + table[1][0] + sparse[7] + greeting[1] + names[2][0] + configs[1].id;
}
