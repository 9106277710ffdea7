/* path_normalize: normalises Unix paths with a stack of segment pointers, joins paths and splits basename/dirname. Original program written for this measurement set. */
#include <stdio.h>
#include <string.h>

#define MAXSEG 32
#define PATHMAX 128

struct segment {
    const char *start;
    size_t len;
};

/* Writes the normalised form of `path` into out (size PATHMAX); returns its length. */
static size_t normalize(const char *path, char *out)
{
    struct segment stack[MAXSEG];
    int top = 0, i;
    int absolute = (*path == '/');
    int ups = 0; /* leading ".." kept for relative paths */
    const char *p = path;
    char *w = out;

    while (*p != '\0') {
        const char *s;
        size_t len;
        while (*p == '/')
            p++;
        s = p;
        while (*p != '\0' && *p != '/')
            p++;
        len = (size_t)(p - s);
        if (len == 0 || (len == 1 && s[0] == '.'))
            continue;
        if (len == 2 && s[0] == '.' && s[1] == '.') {
            if (top > 0)
                top--;
            else if (!absolute)
                ups++;
            continue;
        }
        if (top < MAXSEG) {
            stack[top].start = s;
            stack[top].len = len;
            top++;
        }
    }
    if (absolute)
        *w++ = '/';
    for (i = 0; i < ups; i++) {
        if (w > out && w[-1] != '/')
            *w++ = '/';
        memcpy(w, "..", 2);
        w += 2;
    }
    for (i = 0; i < top; i++) {
        if (w > out && w[-1] != '/')
            *w++ = '/';
        memcpy(w, stack[i].start, stack[i].len);
        w += stack[i].len;
    }
    if (w == out)
        *w++ = '.';
    *w = '\0';
    return (size_t)(w - out);
}

static void join(const char *base, const char *rel, char *out)
{
    char tmp[PATHMAX];
    if (rel[0] == '/') {
        normalize(rel, out);
        return;
    }
    strcpy(tmp, base);
    strcat(tmp, "/");
    strcat(tmp, rel);
    normalize(tmp, out);
}

static void split(const char *path, char *dir, char *base)
{
    const char *slash = strrchr(path, '/');
    if (slash == NULL) {
        strcpy(dir, ".");
        strcpy(base, path);
    } else if (slash == path) {
        strcpy(dir, "/");
        strcpy(base, slash + 1);
    } else {
        size_t n = (size_t)(slash - path);
        memcpy(dir, path, n);
        dir[n] = '\0';
        strcpy(base, slash + 1);
    }
}

int main(void)
{
    static const char *const paths[] = {
        "/usr/local/../bin/./gcc", "a/b/../../c", "../../x/y/..", "/../..", "//home//user/",
        "./././", "", "docs/./notes/../todo.txt", "/a/b/c/../../../../d",
    };
    static const char *const rels[] = { "src/main.c", "../lib", "/etc/passwd", "./.." };
    char out[PATHMAX], dir[PATHMAX], base[PATHMAX];
    size_t i, len;

    for (i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        len = normalize(paths[i], out);
        split(out, dir, base);
        printf("%-26s -> %-14s (%2zu)  dir=%-8s base=%s\n", paths[i], out, len, dir, base);
    }
    for (i = 0; i < sizeof rels / sizeof rels[0]; i++) {
        join("/home/ada/project", rels[i], out);
        printf("join %-12s = %s\n", rels[i], out);
    }
    return 0;
}
