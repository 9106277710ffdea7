/* Static initialisers that point into the middle of another object are not representable. */
int table[2][3];
int *row1 = table[1];
int *cell = &table[0][0];
int ok(void) { return table[0][0]; }
int uses(void) { return *row1; }
