/* if / else-if chains and nested ifs; conditions as bool values. */
int classify(int x, int *p) {
    if (x < 0)
        return -1;
    else if (x == 0)
        return 0;
    else if (x > 100) {
        if (p)
            return *p;
    }
    if (!x || x & 1)
        return 1;
    return 2;
}
