/* Bad input: a block comment that never ends. */
int main(void) {
    int x = 1;
    /* this comment is never closed
    return x;
}
