/* Exercises: integer promotions of char and short operands to int, results
 * that exceed the operand type, compound assignment narrowing back, unary minus
 * and ~ on promoted values, and promotions in function arguments.
 * Original program written for this corpus. */
#include <stdio.h>

static int widen(short s) { return s * 2; }

static unsigned short avg_us(unsigned short a, unsigned short b) {
    return (unsigned short)((a + b) / 2);   /* a + b is int: no wrap */
}

int main(void) {
    unsigned char a = 200, b = 100;
    int sum = a + b;                /* 300, promoted to int */
    unsigned char wrapped = a + b;  /* 44 after conversion back */
    printf("sum=%d wrapped=%d\n", sum, wrapped);

    short s1 = 30000, s2 = 30000;
    int ssum = s1 + s2;             /* 60000 */
    short snarrow = (short)(s1 + s2);
    printf("ssum=%d snarrow=%d widen=%d\n", ssum, snarrow, widen(s1));

    unsigned short u1 = 65535, u2 = 65533;
    printf("avg=%u diff=%d\n", (unsigned)avg_us(u1, u2), u2 - u1);  /* diff is int -2 */

    unsigned char c = 1;
    printf("-c=%d ~c=%d\n", -c, ~c);        /* -1 and -2, not 255/254 */

    unsigned short us = 0xFFFF;
    unsigned short us2 = us * 2 / 2;         /* (int)0x1FFFE / 2 = 0xFFFF */
    printf("us2=%u\n", (unsigned)us2);

    unsigned char x = 250;
    x += 10;                                  /* 4 */
    x *= 3;                                   /* 12 */
    x -= 20;                                  /* 248 */
    printf("x=%u\n", (unsigned)x);

    char ch = 'A';
    printf("sizeof(ch)=%zu sizeof(ch+1)=%zu sizeof(+ch)=%zu\n", sizeof(ch), sizeof(ch + 1),
           sizeof(+ch));
    short sh = 5;
    printf("sizeof(sh)=%zu sizeof(sh*sh)=%zu\n", sizeof(sh), sizeof(sh * sh));

    unsigned char bytes[4] = {0x12, 0x34, 0xAB, 0xCD};
    unsigned int word = 0;
    for (int i = 0; i < 4; i++)
        word = (word << 8) | bytes[i];
    printf("word=%08X\n", word);
    unsigned int top = (unsigned int)bytes[2] << 24;   /* avoid int overflow by casting */
    printf("top=%u\n", top);

    signed char m = -128;
    int negm = -m;                 /* 128: computed in int */
    printf("negm=%d\n", negm);

    int total = 0;
    for (unsigned char i = 0; i < 200; i = (unsigned char)(i + 25))
        total += i;
    printf("total=%d\n", total);
    return 0;
}
