/* The broken half of a two-file project: unbalanced parentheses. */
int broken(int x) {
    return (x + 1;
}
