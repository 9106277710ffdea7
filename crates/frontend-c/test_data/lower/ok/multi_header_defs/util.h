/* A header with function definitions, included by both units: one definition is kept. */
#ifndef UTIL_H
#define UTIL_H
static inline int clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }
inline int twice(int v) { return 2 * v; }
#endif
