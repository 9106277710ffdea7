/* Floats: float/double arithmetic, int<->float conversions, comparisons, constants. */
double area(float r, int n) {
    float pi = 3.14159f;
    double d = pi * r * r;       /* float ops, then float->double */
    d = d / n + 1e-3;            /* int->double */
    int k = (int)d;              /* truncation */
    if (d > 2.5 && r != 0.0f)
        d -= k;
    return -d + .5 + 1.f / 3;
}
