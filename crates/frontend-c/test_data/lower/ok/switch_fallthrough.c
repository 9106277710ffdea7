/* switch: fallthrough, grouped cases, default in the middle, nested switch and loop. */
int sw(int x, char c) {
    int r = 0;
    switch (x) {
    case 1:
        r += 1;
    case 2:
    case 3:
        r += 10;
        break;
    default:
        r = -1;
    case 4:
        r *= 2;
        break;
    }
    for (int i = 0; i < 3; i++) {
        switch (c) {
        case 'a':
            continue;
        case 'b':
            break;
        }
        r++;
    }
    switch (x) {
    }
    return r;
}
