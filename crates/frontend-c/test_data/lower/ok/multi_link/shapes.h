/* Shared declarations of a two-file project. */
#ifndef SHAPES_H
#define SHAPES_H
struct shape { int w, h; };
extern int created;
int shape_area(struct shape s);
struct shape make_shape(int w, int h);
#endif
