/* Bad input: a statement is missing its semicolon. */
int twice(int x) {
    int y = x * 2
    return y;
}

int main(void) {
    return twice(3);
}
