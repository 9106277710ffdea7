/* Exercises: case labels inside a loop body (Duff's device: a switch that
 * jumps into the middle of a do-while), goto out of a switch nested in a
 * loop, a switch whose cases sit inside nested blocks, and a loop+switch
 * tokenizer with continue/break mixing.
 * Idea: Duff's device (Tom Duff, 1983); this code is original to this corpus. */
#include <stdio.h>

static int duff_sum(const int src[], int count) {
    int total = 0, i = 0;
    int n = (count + 3) / 4;
    if (count == 0)
        return 0;
    switch (count % 4) {
    case 0: do { total += src[i++]; /* fallthrough */
    case 3:      total += src[i++]; /* fallthrough */
    case 2:      total += src[i++]; /* fallthrough */
    case 1:      total += src[i++];
            } while (--n > 0);
    }
    return total;
}

static int find_negative(const int v[], int n) {
    int i;
    for (i = 0; i < n; i++) {
        switch (v[i] > 0 ? 1 : v[i] == 0 ? 0 : -1) {
        case 1:
            continue;
        case 0:
            break;
        default:
            goto found;
        }
        printf("zero at %d\n", i);
    }
    return -1;
found:
    return i;
}

static int nested_cases(int x) {
    int r = 0;
    switch (x) {
    case 0: {
        r = 10;
        if (x == 0) {
    case 1:
            r += 1;
        }
        break;
    }
    case 2:
        for (int k = 0; k < 3; k++) {
            r += k;
        }
        /* fallthrough */
    default:
        r += 100;
    }
    return r;
}

int main(void) {
    int data[11] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    for (int c = 0; c <= 11; c++)
        printf("duff(%d)=%d ", c, duff_sum(data, c));
    printf("\n");

    int v1[6] = {3, 0, 5, 0, -2, 7};
    int v2[3] = {1, 2, 3};
    printf("neg at %d\n", find_negative(v1, 6));
    printf("neg at %d\n", find_negative(v2, 3));

    for (int x = 0; x < 5; x++)
        printf("nested(%d)=%d\n", x, nested_cases(x));

    char text[] = "a1b22;c333;;d";
    int letters = 0, digits = 0, groups = 0;
    for (int i = 0; text[i] != '\0'; i++) {
        switch (text[i]) {
        case ';':
            groups++;
            continue;
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
            digits++;
            break;
        default:
            letters++;
            if (letters > 3)
                break;
            continue;
        }
        printf("[%c]", text[i]);
    }
    printf("\nletters=%d digits=%d groups=%d\n", letters, digits, groups);
    return duff_sum(data, 7);
}
