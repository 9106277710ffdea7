/* Compound assignment: narrow lhs (computed in the promoted type, converted back), shifts,
 * pointers, floats. */
void ca(char c, unsigned short us, int *p, double d, int n) {
    c += 1;
    c *= 3;
    us <<= 2;
    us >>= n;
    p += n;
    p -= 1;
    d /= n;
    n %= 7;
    n ^= 0xff;
    n |= 1;
    n &= ~2;
}
