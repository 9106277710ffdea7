/* A tiny command interpreter: commands are looked up by name in a const
 * table of function pointers; also map/reduce with callback pointers. */
#include <stdio.h>
#include <string.h>

typedef int (*binop)(int, int);
typedef int (*unop)(int);

typedef struct {
    const char *name;
    binop fn;
    int identity;
} Command;

static int add(int a, int b) { return a + b; }
static int sub(int a, int b) { return a - b; }
static int mul(int a, int b) { return a * b; }
static int imax(int a, int b) { return a > b ? a : b; }
static int imin(int a, int b) { return a < b ? a : b; }
static int power(int a, int b)
{
    int r = 1;
    while (b-- > 0)
        r *= a;
    return r;
}

static int square(int x) { return x * x; }
static int negate(int x) { return -x; }
static int halve(int x) { return x / 2; }

static const Command commands[] = {
    { "add", add, 0 }, { "sub", sub, 0 }, { "mul", mul, 1 },
    { "max", imax, -2147483647 - 1 }, { "min", imin, 2147483647 }, { "pow", power, 1 },
};

static const Command *lookup(const char *name)
{
    size_t i;
    for (i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

static int reduce(const int v[], int n, binop f, int init)
{
    int i, acc = init;
    for (i = 0; i < n; i++)
        acc = f(acc, v[i]);
    return acc;
}

static void map(int v[], int n, unop f)
{
    int i;
    for (i = 0; i < n; i++)
        v[i] = f(v[i]);
}

static unop pick(char c)
{
    switch (c) {
    case 's': return square;
    case 'n': return negate;
    case 'h': return halve;
    default:  return NULL;
    }
}

int main(void)
{
    const struct { const char *cmd; int a, b; } script[] = {
        { "add", 2, 3 }, { "mul", 6, 7 }, { "pow", 2, 10 }, { "div", 1, 1 },
        { "max", -5, -9 }, { "sub", 10, 25 }, { "min", 4, 4 }, { "pow", -3, 3 },
    };
    int values[] = { 3, -1, 4, -1, 5, -9, 2, 6 };
    const int n = (int)(sizeof values / sizeof values[0]);
    const char *pipeline = "snhxs";
    size_t i;

    for (i = 0; i < sizeof script / sizeof script[0]; i++) {
        const Command *c = lookup(script[i].cmd);
        if (c == NULL) {
            printf("%-4s: unknown command\n", script[i].cmd);
            continue;
        }
        printf("%-4s(%d, %d) = %d\n", c->name, script[i].a, script[i].b,
               c->fn(script[i].a, script[i].b));
    }
    for (i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (commands[i].fn == power)
            continue;
        printf("reduce %s = %d\n", commands[i].name,
               reduce(values, n, commands[i].fn, commands[i].identity));
    }
    for (i = 0; pipeline[i] != '\0'; i++) {
        unop f = pick(pipeline[i]);
        int k;
        if (!f) {
            printf("skip '%c'\n", pipeline[i]);
            continue;
        }
        map(values, n, f);
        printf("after %c:", pipeline[i]);
        for (k = 0; k < n; k++)
            printf(" %d", values[k]);
        printf("\n");
    }
    printf("same function: %d %d\n", lookup("add")->fn == add, pick('s') == pick('n'));
    return 0;
}
