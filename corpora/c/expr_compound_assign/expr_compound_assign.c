/* Exercises: every compound assignment operator (+= -= *= /= %= <<= >>= &=
 * ^= |=) on int, unsigned, char, long long and double lvalues, including array
 * elements and struct fields, and the value of an assignment expression.
 * Original program written for this corpus. */
#include <stdio.h>

struct acc { int total; unsigned int bits; };

int main(void) {
    int x = 100;
    x += 25;  printf("+= %d\n", x);
    x -= 50;  printf("-= %d\n", x);
    x *= -3;  printf("*= %d\n", x);
    x /= 7;   printf("/= %d\n", x);
    x %= 9;   printf("%%= %d\n", x);
    x = -x;   printf("neg %d\n", x);
    x <<= 4;  printf("<<= %d\n", x);
    x >>= 2;  printf(">>= %d\n", x);
    x &= 0xF3; printf("&= %d\n", x);
    x ^= 0x55; printf("^= %d\n", x);
    x |= 0x100; printf("|= %d\n", x);

    unsigned int u = 10;
    u -= 20;  printf("u-=20 %u\n", u);
    u >>= 28; printf("u>>=28 %u\n", u);
    u *= 0x11111111u; printf("u*= %x\n", u);

    char c = 'a';
    c += 2;   printf("c+=2 %c\n", c);
    c -= 32;  printf("c-=32 %c\n", c);

    long long big = 1;
    for (int i = 0; i < 5; i++)
        big *= 1000;
    big /= 3;
    big %= 100000007;
    printf("big=%lld\n", big);

    double d = 2.0;
    d *= 1.5; d += 0.25; d /= 2; d -= 1;
    printf("d=%.4f\n", d);

    int arr[4] = {1, 2, 3, 4};
    for (int i = 0; i < 4; i++) {
        arr[i] *= arr[i];
        arr[(i + 1) % 4] += i;
    }
    printf("arr=%d %d %d %d\n", arr[0], arr[1], arr[2], arr[3]);

    struct acc a = {0, 0};
    for (int i = 1; i <= 10; i++) {
        a.total += i;
        a.bits |= 1u << i;
        a.bits ^= 1u << (i / 2);
    }
    printf("total=%d bits=%x\n", a.total, a.bits);

    int p, q, r;
    p = q = r = 7;
    p += q -= r *= 2;       /* r=14, q=-7, p=0 */
    printf("p=%d q=%d r=%d\n", p, q, r);

    int v = 0;
    int w = (v += 5) * 2;
    printf("v=%d w=%d\n", v, w);

    unsigned char byte = 0x81;
    byte <<= 1;             /* promoted, shifted to 0x102, stored as 0x02 */
    byte |= 0x80;
    printf("byte=%x\n", byte);
    short sh = -300;
    sh /= 7;
    sh *= 11;
    printf("sh=%d\n", sh);
    return 0;
}
