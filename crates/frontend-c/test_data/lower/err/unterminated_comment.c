int main(void) {
    int x = 1;
    /* never closed
    return x;
}
