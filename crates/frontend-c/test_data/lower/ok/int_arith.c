/* Integer arithmetic: promotions, usual arithmetic conversions, signed vs unsigned ops. */
int f(int a, unsigned b, long c, short s, unsigned char uc) {
    int x = a + s * uc;          /* short, unsigned char promote to int */
    unsigned y = a / b + b % 7u; /* int converts to unsigned: udiv, urem */
    long z = c - a;              /* int converts to long */
    int q = a / 3 % 5;           /* sdiv, srem */
    z += (a >> 2) + (b >> 3) + (a << 1);
    x = -x + ~a;
    return x + (int)y + (int)z + q;
}
