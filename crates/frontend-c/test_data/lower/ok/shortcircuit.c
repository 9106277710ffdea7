/* && and || with side effects lower to control flow with a block parameter; simple operands
 * use band/bor; a logical value used as an int is booltoint. */
int calls;
static int hit(int v) { calls++; return v; }
int sc(int a, int b, int *p) {
    int x = a && hit(b);
    int y = a || b;
    if (p && *p > 0)
        x++;
    if (hit(a) || (b && hit(2)))
        y += 2;
    return x + y + (a < b);
}
