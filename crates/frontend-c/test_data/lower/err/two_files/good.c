int half(int x) { return x / 2; }
int main(void) { return half(8); }
