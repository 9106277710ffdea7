/* Exercises: printf integer conversions %d %i %u %x %X %o %c %ld %lu %lld
 * %llu %zu with field width, precision, and the flags '-', '0', '+', ' ', '#',
 * plus the extremes of each type and a literal %%.
 * Original program written for this corpus. */
#include <stdio.h>
#include <limits.h>

int main(void) {
    int vals[5] = {0, 7, -7, 12345, INT_MIN};
    for (int i = 0; i < 5; i++) {
        int v = vals[i];
        printf("[%d] [%i] [%5d] [%-5d] [%05d] [%+d] [% d] [%.3d] [%8.4d]\n", v, v, v, v, v, v,
               v, v, v);
    }

    unsigned int us[4] = {0u, 255u, 3735928559u, UINT_MAX};
    for (int i = 0; i < 4; i++) {
        unsigned int u = us[i];
        printf("[%u] [%x] [%X] [%o] [%#x] [%#o] [%08x] [%-10X]\n", u, u, u, u, u, u, u, u);
    }

    printf("[%c][%3c][%-3c][%c]\n", 'x', 'y', 'z', 65);

    long l = -1234567890123L;
    unsigned long ul = 18446744073709551615UL;
    printf("[%ld] [%20ld] [%-20ld] [%lu] [%lx]\n", l, l, l, ul, ul);

    long long ll = LLONG_MIN;
    unsigned long long ull = 1ULL << 63;
    printf("[%lld] [%llu] [%llX] [%+lld] [%llo]\n", ll, ull, ull, 42LL, 511ULL);

    size_t z = sizeof(long long) * 3;
    printf("[%zu] [%5zu] [%-5zu]\n", z, z, z);

    printf("100%% done, [%%d] literal\n");
    printf("[%.0d] [%.0d] [%5.0d]\n", 0, 1, 0);   /* precision 0 with value 0 prints nothing */
    printf("[%+5d] [%-+5d] [% 05d] [%+05d]\n", 42, 42, 42, -42);
    printf("[%x] [%X] [%#X] [%#08x]\n", 0xabcdefu, 0xabcdefu, 0xabcdefu, 0xbeefu);

    short sh = -2;
    unsigned char uc = 250;
    printf("[%d] [%u] [%d] [%x]\n", sh, (unsigned)uc, uc, (unsigned short)sh);

    int width = 7, prec = 3;
    printf("[%*d] [%-*d] [%.*d]\n", width, 99, width, 99, prec, 5);

    for (int i = 1; i <= 4; i++)
        printf("%3d | %-6o| %4X |\n", i * 37, i * 37, i * 37 * 1000);
    return 0;
}
