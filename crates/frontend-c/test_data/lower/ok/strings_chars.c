/* char arrays from string literals, walking a string, adjacent literal concatenation, escapes. */
int count(const char *s, char c) {
    int n = 0;
    while (*s) {
        if (*s == c)
            n++;
        s++;
    }
    return n;
}
int words(void) {
    char text[] = "a b" " c\td";
    const char *msg = "tab\there \"quoted\" \\ \x41\101";
    return count(text, ' ') + count(msg, 'A');
}
