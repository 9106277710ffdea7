/* Exercises: reversing ranges with lo/hi pointers that meet in the middle, rotation by three
 * reversals, palindrome checks from both ends, and a backward walk that never forms a
 * pointer before the start of the array.
 * Original program written for this corpus. */
#include <stdio.h>

static void reverse(int *lo, int *hi) { /* reverses [lo, hi) */
    while (lo < hi) {
        --hi;
        if (lo == hi)
            break;
        int t = *lo;
        *lo++ = *hi;
        *hi = t;
    }
}

static void rotate_left(int *a, int n, int k) {
    k %= n;
    reverse(a, a + k);
    reverse(a + k, a + n);
    reverse(a, a + n);
}

static int is_palindrome(const int *a, int n) {
    const int *lo = a, *hi = a + n - 1;
    while (lo < hi)
        if (*lo++ != *hi--)
            return 0;
    return 1;
}

static void print_backwards(const int *a, int n) {
    const int *p = a + n;
    printf("backwards:");
    while (p > a) {
        --p;
        printf(" %d", *p);
    }
    putchar('\n');
}

static void show(const char *label, const int *a, int n) {
    printf("%s:", label);
    for (const int *p = a; p < a + n; p++)
        printf(" %d", *p);
    putchar('\n');
}

int main(void) {
    int a[10];
    for (int i = 0; i < 10; i++)
        a[i] = i * i - 3 * i;
    show("start", a, 10);
    reverse(a, a + 10);
    show("reversed", a, 10);
    reverse(a + 2, a + 7);
    show("mid-rev", a, 10);
    reverse(a, a + 1);
    reverse(a + 5, a + 5);
    show("trivial", a, 10);

    for (int k = 1; k <= 13; k += 4) {
        int b[10];
        for (int i = 0; i < 10; i++)
            b[i] = i;
        rotate_left(b, 10, k);
        printf("rotate %2d ->", k);
        show("", b, 10);
    }

    int p1[] = {1, 2, 3, 2, 1};
    int p2[] = {4, 5, 5, 4};
    int p3[] = {4, 5, 6, 4};
    printf("palindromes: %d %d %d %d\n", is_palindrome(p1, 5), is_palindrome(p2, 4),
           is_palindrome(p3, 4), is_palindrome(p3, 1));
    print_backwards(a, 10);

    char word[] = "stressed desserts level";
    char *lo = word, *hi = word;
    while (*hi)
        hi++;
    while (lo < hi) {
        char t = *lo;
        *lo++ = *--hi;
        *hi = t;
    }
    printf("string: %s\n", word);
    return 0;
}
