/* A translation unit with declarations only: no function definitions. */
const int primes[5] = {2, 3, 5, 7, 11};
int counter = 0;
struct point { int x; int y; };
typedef unsigned long word;
