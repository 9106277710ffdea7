/* Q16.16 fixed-point arithmetic in int32_t with int64_t intermediates:
 * multiply, divide, square root, sine by Taylor series, compound growth. */
#include <stdio.h>
#include <stdint.h>

typedef int32_t fixed;

#define FRAC_BITS 16
#define ONE ((fixed)1 << FRAC_BITS)

static fixed from_int(int v) { return (fixed)(v * ONE); }

static fixed from_ratio(int num, int den)
{
    return (fixed)(((int64_t)num * ONE) / den);
}

static fixed fx_mul(fixed a, fixed b)
{
    return (fixed)(((int64_t)a * b) / ONE);
}

static fixed fx_div(fixed a, fixed b)
{
    return (fixed)(((int64_t)a * ONE) / b);
}

static fixed fx_sqrt(fixed x)
{
    fixed r = x > ONE ? x / 2 : ONE;
    int i;
    if (x <= 0)
        return 0;
    for (i = 0; i < 20; i++) {
        fixed next = (r + fx_div(x, r)) / 2;
        if (next == r)
            break;
        r = next;
    }
    return r;
}

static fixed fx_sin(fixed x)
{
    fixed term = x, sum = x, x2 = fx_mul(x, x);
    int n;
    for (n = 1; n < 8; n++) {
        term = fx_mul(term, x2);
        term = -term / ((2 * n) * (2 * n + 1));
        sum += term;
    }
    return sum;
}

/* Print with four decimals using only integer arithmetic. */
static void fx_print(const char *label, fixed v)
{
    int64_t scaled = (int64_t)v * 10000;
    int64_t whole, frac;
    int negative = scaled < 0;
    if (negative)
        scaled = -scaled;
    scaled = (scaled + ONE / 2) / ONE;
    whole = scaled / 10000;
    frac = scaled % 10000;
    printf("%-14s %s%lld.%04lld  (raw 0x%08x)\n", label, negative ? "-" : "", (long long)whole,
           (long long)frac, (unsigned)v);
}

int main(void)
{
    fixed a = from_ratio(7, 2), b = from_ratio(-5, 4);
    fixed pi = from_ratio(355, 113);
    fixed balance = from_int(1000), rate = from_ratio(5, 100);
    int year, k;

    fx_print("a", a);
    fx_print("b", b);
    fx_print("a+b", a + b);
    fx_print("a*b", fx_mul(a, b));
    fx_print("a/b", fx_div(a, b));
    fx_print("b/a", fx_div(b, a));
    fx_print("sqrt(2)", fx_sqrt(from_int(2)));
    fx_print("sqrt(1000)", fx_sqrt(from_int(1000)));
    fx_print("sqrt(0.25)", fx_sqrt(from_ratio(1, 4)));
    fx_print("pi", pi);
    for (k = 0; k <= 4; k++) {
        char label[] = "sin(?pi/4)";
        fixed angle = fx_div(fx_mul(pi, from_int(k)), from_int(4));
        label[4] = (char)('0' + k);
        fx_print(label, fx_sin(angle));
    }
    for (year = 1; year <= 10; year++) {
        balance += fx_mul(balance, rate);
        if (year % 5 == 0) {
            printf("year %2d: ", year);
            fx_print("balance", balance);
        }
    }
    printf("shifts: %d %d %d\n", from_int(-3) >> FRAC_BITS, (b >> 8), -(ONE >> 3));
    return 0;
}
