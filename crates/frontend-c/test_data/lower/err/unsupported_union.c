/* A union inside one function: only that function fails. */
int add(int a, int b) { return a + b; }
unsigned bits(float f) {
    union { float f; unsigned u; } pun;
    pun.f = f;
    return pun.u;
}
int main(void) { return add(1, 2) + (int)bits(1.0f); }
