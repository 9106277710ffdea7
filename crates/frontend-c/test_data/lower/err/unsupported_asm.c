int ok(int x) { return x; }
int zero(void) {
    int r;
    __asm__ volatile ("xorl %0, %0" : "=r"(r));
    return r;
}
