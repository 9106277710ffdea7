/* Exercises: printf %s with literals and char arrays, width and precision on
 * strings (%10s %-10s %.3s %*s), %c for each printable ASCII char range,
 * puts (adds newline), putchar, multiple lines in one call, escape sequences
 * (\t \\ \" \x41 octal), and building a string in a char array.
 * Original program written for this corpus. */
#include <stdio.h>

static void banner(const char *title, int width) {
    for (int i = 0; i < width; i++)
        putchar('=');
    putchar('\n');
    printf("%*s\n", width, title);
    printf("%-*s|\n", width, title);
    for (int i = 0; i < width; i++)
        putchar('-');
    putchar('\n');
}

int main(void) {
    char name[] = "transpiler";
    char greeting[32];
    const char prefix[] = "hi ";
    int n = 0;
    for (int i = 0; prefix[i] != '\0'; i++)
        greeting[n++] = prefix[i];
    for (int i = 0; name[i] != '\0'; i++)
        greeting[n++] = name[i];
    greeting[n++] = '!';
    greeting[n] = '\0';

    puts("puts adds a newline");
    puts(greeting);
    printf("[%s] [%12s] [%-12s] [%.4s] [%12.4s] [%-12.4s]\n", name, name, name, name, name, name);
    printf("[%s] [%5s] [%.0s]\n", "", "", name);
    printf("[%s]\n", "literal with \"quotes\" and \\backslash\\");
    printf("tab\there\x41\101\n");
    printf("line one\nline two\n");

    banner("Title", 12);

    for (char c = ' '; c <= '~'; c++) {
        putchar(c);
        if ((c - ' ') % 32 == 31)
            putchar('\n');
    }
    putchar('\n');

    char row[11];
    for (int i = 0; i < 10; i++)
        row[i] = (char)('0' + (i * 3) % 10);
    row[10] = '\0';
    printf("row=%s len=%d\n", row, 10);

    char words[3][8] = {"alpha", "beta", "gamma"};
    for (int i = 0; i < 3; i++)
        printf("%d:%-6s:%c\n", i, words[i], words[i][0]);

    printf("%s%s%s\n", "con", "cat", "enated");
    printf("%c%c%c%c%c\n", 'C', 'x', 'R', 'u', 's');
    printf("%s=%d, %s=%x\n", "dec", 255, "hex", 255);
    puts("");
    puts("end");
    return 0;
}
