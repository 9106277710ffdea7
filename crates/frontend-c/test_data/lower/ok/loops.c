/* while, do-while and for loops with break and continue; declarations in for-init. */
int loops(int n) {
    int s = 0;
    int i = 0;
    while (i < n) {
        i++;
        if (i == 3)
            continue;
        if (i > 50)
            break;
        s += i;
    }
    do {
        s--;
    } while (s > 100);
    for (int j = 0, k = n; j < k; j += 2, k--)
        s += j * k;
    for (;;) {
        if (s > 10)
            break;
        s++;
    }
    return s;
}
