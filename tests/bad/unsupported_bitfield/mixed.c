/* One translatable function and one that uses a struct with bit-fields. */
struct flags {
    unsigned int ready : 1;
    unsigned int mode : 3;
};

int negate(int x) {
    return -x;
}

int pack(int mode) {
    struct flags f;
    f.ready = 1;
    f.mode = mode;
    return f.ready + f.mode;
}

int main(void) {
    return negate(-2) + pack(5);
}
