#include "util.h"
int a(int v) { return clamp(twice(v), 0, 10); }
