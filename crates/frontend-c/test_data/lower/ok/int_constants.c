/* Integer constants: suffixes, hex/octal, too-large-for-int decimals, char escapes, folding. */
unsigned long g(void) {
    int a = 0x7fffffff;
    unsigned b = 0xffffffff;   /* hex that does not fit int is unsigned int */
    long c = 2147483648;       /* decimal that does not fit int is long */
    unsigned long d = 10ul + 010 + 0x10LL + 1u;
    char e = '\n' + '\x41' + '\101' + '\'';
    int f = (1 << 4) * 3 - -2; /* folded */
    int m = -2147483647 - 1;
    return a + b + c + d + e + f + m;
}
