#include <stdio.h>
#include "shapes.h"
int main(void) {
    struct shape s = make_shape(3, 4);
    printf("%d %d\n", shape_area(s), created);
    return 0;
}
