int broken(int x) {
    return (x + 1;
}
