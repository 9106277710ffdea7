/* The good half of a two-file project: translates on its own. */
int half(int x) {
    return x / 2;
}

int main(void) {
    return half(8);
}
