/* QUALITY, not a BUG class (the output is right): a `continue` inside a constant-false `if (0)` within a `for (; 0;)` loop makes the structurer fail its own check, "E0101 control flow emitted as a state machine (internal: structuring check failed (jump Break(Some(Block(blockN))) out of scope))". This warning is on 16 of the 178 complete translations of csmith seeds 1..200 (e.g. 2, 39, 105, 152, 197). */
#include <stdio.h>

int a;

int c(void) {
    int d = 1;
    for (; 0;) {
        if (0) {
            if (a)
                continue;
            d = 2;
        }
        return 0;
    }
    return d;
}

int main(void) {
    printf("%d\n", c());
    return 0;
}
