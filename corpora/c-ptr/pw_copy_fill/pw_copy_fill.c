/* Exercises: writing through post-incremented pointers (`*dst++ = *src++`), filling with an
 * end pointer, copying between overlapping ranges by hand (forward and backward), filtering
 * into an output pointer and measuring the result with pointer difference.
 * Original program written for this corpus. */
#include <stdio.h>

static void fill(int *p, int *end, int start, int step) {
    while (p < end) {
        *p++ = start;
        start += step;
    }
}

static int *copy_range(const int *src, const int *src_end, int *dst) {
    while (src != src_end)
        *dst++ = *src++;
    return dst; /* one past the last element written */
}

/* copy [src, src+n) to dst where the ranges may overlap */
static void move_range(int *dst, const int *src, int n) {
    if (dst < src) {
        for (int i = 0; i < n; i++)
            *dst++ = *src++;
    } else {
        dst += n;
        src += n;
        while (n-- > 0)
            *--dst = *--src;
    }
}

static int *keep_multiples(const int *p, const int *end, int *out, int k) {
    for (; p < end; p++)
        if (*p % k == 0)
            *out++ = *p;
    return out;
}

static void show(const char *label, const int *p, const int *end) {
    printf("%-8s[%d]:", label, (int)(end - p));
    while (p < end)
        printf(" %d", *p++);
    putchar('\n');
}

int main(void) {
    int a[16];
    int b[16];
    fill(a, a + 16, 3, 4);
    show("a", a, a + 16);

    int *bend = copy_range(a + 2, a + 9, b);
    show("b", b, bend);
    bend = copy_range(a + 12, a + 16, bend);
    show("b+", b, bend);

    move_range(a + 3, a, 8); /* overlapping, shift right */
    show("right", a, a + 16);
    move_range(a, a + 5, 10); /* overlapping, shift left */
    show("left", a, a + 16);

    int c[16];
    int *cend = keep_multiples(a, a + 16, c, 3);
    show("mult3", c, cend);
    cend = keep_multiples(b, bend, c, 5);
    show("mult5", c, cend);

    /* zero the middle by walking two pointers toward each other */
    int *lo = a + 4, *hi = a + 11;
    while (lo <= hi) {
        *lo++ = 0;
        *hi-- = -1;
    }
    show("zeroed", a, a + 16);

    char text[32];
    char *t = text;
    for (const char *s = "pointer walk"; *s; s++)
        if (*s != ' ')
            *t++ = *s;
    *t = '\0';
    printf("squeezed: %s (%d chars)\n", text, (int)(t - text));
    return 0;
}
