/* Both files define a static `helper` and a static `count`: each is renamed after its file. */
static int count = 1;
static int helper(int x) { return x + count; }
int from_a(int x) { return helper(x); }
