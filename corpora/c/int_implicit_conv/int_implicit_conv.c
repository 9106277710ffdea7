/* Exercises: implicit conversions at function boundaries and assignments:
 * int arguments to short/unsigned char/double parameters, returning a wider
 * value from a narrower function, storing ints into char arrays, long vs
 * unsigned long mixing, and unsigned long long from negative ints.
 * Original program written for this corpus. */
#include <stdio.h>

static short as_short(short s) { return s; }
static unsigned char as_byte(unsigned char b) { return b; }
static double halve(double d) { return d / 2; }
static int from_long(long v) { return v; }          /* implicit narrowing on return */
static unsigned int to_unsigned(int v) { return v; }
static long long widen(int v) { return v; }
static float to_float(double d) { return d; }

int main(void) {
    int big = 100000;
    printf("as_short=%d as_byte=%d halve=%.2f\n", as_short(big), as_byte(big), halve(7));
    printf("from_long=%d to_unsigned=%u widen=%lld\n", from_long(4294967297L), to_unsigned(-3),
           widen(-2147483647 - 1));
    printf("to_float=%.3f\n", to_float(1.0 / 3.0));

    char buf[6];
    int codes[6] = {72, 105, 33, 256 + 65, -190, 0};
    for (int i = 0; i < 6; i++)
        buf[i] = codes[i];
    printf("buf=%s b4=%d\n", buf, buf[4]);

    long sl = -5;
    unsigned long ul = 3;
    printf("sl+ul=%lu sl<ul=%d (long)ul*sl=%ld\n", sl + ul, sl < ul, (long)ul * sl);

    unsigned long long ull = -1;
    unsigned long long ull2 = -2147483648LL;
    printf("ull=%llu ull2=%llu\n", ull, ull2);

    unsigned short us = -1;
    short ss = 40000;
    printf("us=%u ss=%d\n", (unsigned)us, ss);

    double d = 'A';
    int from_d = 3.99;
    int from_neg = -3.99;
    printf("d=%.1f from_d=%d from_neg=%d\n", d, from_d, from_neg);

    unsigned int acc = 0;
    signed char deltas[5] = {-1, 2, -3, 4, -128};
    for (int i = 0; i < 5; i++)
        acc += deltas[i];
    printf("acc=%u as int=%d\n", acc, (int)acc);

    long long mixed = 7 / 2 * 2.0 + 'a' % 10 - 1u;
    printf("mixed=%lld\n", mixed);
    char c = 'z';
    int ci = c + 1;
    unsigned char uc = c + 200;
    printf("ci=%d uc=%d\n", ci, uc);
    int ret = 300 + 2;
    return as_byte(ret);
}
