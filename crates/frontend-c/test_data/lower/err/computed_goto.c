/* Labels as values (computed goto) do not parse: the file is reported, nothing else breaks. */
int computed(int i) {
    static void *tbl[] = {&&l0, &&l1};
    goto *tbl[i];
l0: return 0;
l1: return 1;
}
