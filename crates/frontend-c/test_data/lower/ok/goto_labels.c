/* goto forward and backward, labels as blocks. */
int g(int n) {
    int i = 0;
    int acc = 0;
again:
    if (i >= n)
        goto done;
    acc += i;
    i++;
    goto again;
done:
    if (acc > 100)
        goto big;
    return acc;
big:
    return 100;
}
