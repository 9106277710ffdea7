/* Exercises: bubble sort with early exit, insertion sort, selection sort and
 * a counting sort over arrays passed to functions; stability check with
 * parallel key/tag arrays; sortedness verification; swap counting.
 * Original program written for this corpus. */
#include <stdio.h>

static int bubble(int a[], int n) {
    int swaps = 0;
    for (int pass = 0; pass < n - 1; pass++) {
        int swapped = 0;
        for (int i = 0; i < n - 1 - pass; i++) {
            if (a[i] > a[i + 1]) {
                int t = a[i];
                a[i] = a[i + 1];
                a[i + 1] = t;
                swaps++;
                swapped = 1;
            }
        }
        if (!swapped)
            break;
    }
    return swaps;
}

static void insertion(int key[], char tag[], int n) {
    for (int i = 1; i < n; i++) {
        int k = key[i];
        char t = tag[i];
        int j = i - 1;
        while (j >= 0 && key[j] > k) {
            key[j + 1] = key[j];
            tag[j + 1] = tag[j];
            j--;
        }
        key[j + 1] = k;
        tag[j + 1] = t;
    }
}

static void selection(int a[], int n) {
    for (int i = 0; i < n - 1; i++) {
        int m = i;
        for (int j = i + 1; j < n; j++)
            if (a[j] < a[m])
                m = j;
        int t = a[i];
        a[i] = a[m];
        a[m] = t;
    }
}

static void counting(int a[], int n, int maxv) {
    int counts[64] = {0};
    for (int i = 0; i < n; i++)
        counts[a[i]]++;
    int k = 0;
    for (int v = 0; v <= maxv; v++)
        while (counts[v]-- > 0)
            a[k++] = v;
}

static int is_sorted(const int a[], int n) {
    for (int i = 1; i < n; i++)
        if (a[i - 1] > a[i])
            return 0;
    return 1;
}

static void print(const char *label, const int a[], int n) {
    printf("%-10s", label);
    for (int i = 0; i < n; i++)
        printf(" %d", a[i]);
    printf(" (sorted=%d)\n", is_sorted(a, n));
}

int main(void) {
    int a[12] = {29, -4, 17, 0, 8, 8, 99, -50, 3, 42, 17, 1};
    int b[12], c[12];
    for (int i = 0; i < 12; i++) {
        b[i] = a[i];
        c[i] = (a[i] < 0 ? -a[i] : a[i]) % 64;
    }
    print("input", a, 12);
    int swaps = bubble(a, 12);
    print("bubble", a, 12);
    printf("swaps=%d\n", swaps);
    selection(b, 12);
    print("selection", b, 12);
    counting(c, 12, 63);
    print("counting", c, 12);

    int keys[8] = {3, 1, 3, 2, 1, 3, 2, 1};
    char tags[9] = "abcdefgh";
    insertion(keys, tags, 8);
    for (int i = 0; i < 8; i++)
        printf("%d%c ", keys[i], tags[i]);
    printf("\n");
    int sorted_already[5] = {1, 2, 3, 4, 5};
    printf("swaps on sorted=%d\n", bubble(sorted_already, 5));
    return swaps % 100;
}
