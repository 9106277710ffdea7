#include "util.h"
int a(int v);
int main(void) { return a(3) + clamp(-1, 0, 5) + twice(1); }
