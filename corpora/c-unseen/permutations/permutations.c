/* Permutations and combinations: factorial counts, lexicographic
 * next_permutation on a char array, inversion parity, derangements,
 * and recursive k-combinations. */
#include <stdio.h>
#include <stdbool.h>
#include <string.h>

static unsigned long long factorial(int n)
{
    return n <= 1 ? 1ULL : (unsigned long long)n * factorial(n - 1);
}

static bool next_permutation(char s[], int n)
{
    int i = n - 2, j;
    char t;
    while (i >= 0 && s[i] >= s[i + 1])
        i--;
    if (i < 0)
        return false;
    j = n - 1;
    while (s[j] <= s[i])
        j--;
    t = s[i];
    s[i] = s[j];
    s[j] = t;
    for (j = n - 1, i = i + 1; i < j; i++, j--) {
        t = s[i];
        s[i] = s[j];
        s[j] = t;
    }
    return true;
}

static int inversions(const char s[], int n)
{
    int i, j, inv = 0;
    for (i = 0; i < n; i++)
        for (j = i + 1; j < n; j++)
            if (s[i] > s[j])
                inv++;
    return inv;
}

static int combo[8];
static int combo_count;

static void combinations(int start, int n, int k, int depth)
{
    int i;
    if (depth == k) {
        combo_count++;
        printf("{");
        for (i = 0; i < k; i++)
            printf(i ? ",%d" : "%d", combo[i]);
        printf("}%s", combo_count % 5 == 0 ? "\n" : " ");
        return;
    }
    for (i = start; i <= n - (k - depth); i++) {
        combo[depth] = i + 1;
        combinations(i + 1, n, k, depth + 1);
    }
}

int main(void)
{
    char word[] = "ABCD";
    char letters[] = "AABC";
    int n = (int)strlen(word), count = 0, even = 0, k;
    unsigned long long d[21];

    for (k = 0; k <= 20; k += 4)
        printf("%2d! = %llu\n", k, factorial(k));

    do {
        int inv = inversions(word, n);
        count++;
        if (inv % 2 == 0)
            even++;
        printf("%s(%d)%c", word, inv, count % 6 == 0 ? '\n' : ' ');
    } while (next_permutation(word, n));
    printf("%d permutations, %d even, back to %s\n", count, even, word);

    count = 0;
    do {
        count++;
    } while (next_permutation(letters, 4));
    printf("distinct arrangements of AABC: %d\n", count);

    d[0] = 1;
    d[1] = 0;
    for (k = 2; k <= 20; k++)
        d[k] = (unsigned long long)(k - 1) * (d[k - 1] + d[k - 2]);
    printf("derangements:");
    for (k = 1; k <= 20; k += 3)
        printf(" D(%d)=%llu", k, d[k]);
    printf("\n");

    combinations(0, 6, 3, 0);
    printf("C(6,3) = %d\n", combo_count);
    return 0;
}
