/* Exercises: 64-bit integer arithmetic (long, long long, unsigned long long):
 * FNV-1a 64-bit hashing with wrap-around, a xorshift64 generator, modular
 * exponentiation with 128-bit-free mulmod, and %ld/%lld/%llu/%llx output.
 * Original program written for this corpus (FNV and xorshift are well-known public algorithms). */
#include <stdio.h>

static unsigned long long fnv1a(const char *s, int n) {
    unsigned long long h = 14695981039346656037ull;
    for (int i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ull;
    }
    return h;
}

static unsigned long long xorshift(unsigned long long x) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
}

static unsigned long long mulmod(unsigned long long a, unsigned long long b, unsigned long long m) {
    unsigned long long r = 0;
    a %= m;
    while (b > 0) {
        if (b & 1)
            r = (r + a) % m;
        a = (a * 2) % m;
        b >>= 1;
    }
    return r;
}

static unsigned long long powmod(unsigned long long b, unsigned long long e, unsigned long long m) {
    unsigned long long r = 1 % m;
    b %= m;
    while (e > 0) {
        if (e & 1)
            r = mulmod(r, b, m);
        b = mulmod(b, b, m);
        e >>= 1;
    }
    return r;
}

int main(void) {
    char word[] = "transpile";
    printf("fnv(transpile)=%llx\n", fnv1a(word, 9));
    printf("fnv(empty)=%llu\n", fnv1a(word, 0));

    unsigned long long x = 88172645463325252ull;
    for (int i = 0; i < 5; i++) {
        x = xorshift(x);
        printf("xs[%d]=%llu\n", i, x);
    }

    unsigned long long p = 1000000007ull;
    printf("2^(p-1) mod p=%llu\n", powmod(2, p - 1, p));
    printf("3^200 mod 1e18+9=%llu\n", powmod(3, 200, 1000000000000000009ull));

    long total = 0;
    for (long i = 1; i <= 100000; i++)
        total += i * i;
    printf("sum of squares=%ld\n", total);

    long long neg = -1;
    for (int i = 0; i < 40; i++)
        neg *= 2;
    printf("neg=%lld\n", neg);
    unsigned long ul = (unsigned long)neg;
    printf("as unsigned long=%lu\n", ul);
    long long m = 9223372036854775807LL;
    printf("max/3=%lld max%%1000=%lld\n", m / 3, m % 1000);
    return (int)(fnv1a(word, 9) % 7);
}
