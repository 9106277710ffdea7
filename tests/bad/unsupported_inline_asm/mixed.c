/* One translatable function and one that uses GNU inline assembly. */
int square(int x) {
    return x * x;
}

int read_zero(void) {
    int r;
    __asm__ volatile ("xorl %0, %0" : "=r"(r));
    return r;
}

int main(void) {
    return square(2) + read_zero();
}
