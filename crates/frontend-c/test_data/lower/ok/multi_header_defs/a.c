#include "util.h"
/* This declaration makes a.c's inline definition of `twice` the external one (C99). */
int twice(int v);
int a(int v) { return clamp(twice(v), 0, 10); }
