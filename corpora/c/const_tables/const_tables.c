/* Exercises: const global tables (1-D and 2-D int tables, a const char
 * table, a const struct table) used for lookups: days per month, Roman
 * numerals, a CRC-8 table built at startup vs a const table, hex digits.
 * Original program written for this corpus (CRC-8 polynomial 0x07 is the common ATM one). */
#include <stdio.h>

static const int days_in_month[2][12] = {
    {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
    {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31},
};

static const char hex_digits[16] = {'0', '1', '2', '3', '4', '5', '6', '7',
                                    '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};

struct roman { int value; char sym[3]; };
static const struct roman romans[13] = {
    {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
    {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"},
};

static const int primes[10] = {2, 3, 5, 7, 11, 13, 17, 19, 23, 29};

static unsigned char crc_table[256];

static int day_of_year(int year, int month, int day) {
    int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    int d = day;
    for (int m = 0; m < month - 1; m++)
        d += days_in_month[leap][m];
    return d;
}

static void print_roman(int n) {
    printf("%d=", n);
    for (int i = 0; i < 13; i++) {
        while (n >= romans[i].value) {
            printf("%s", romans[i].sym);
            n -= romans[i].value;
        }
    }
    printf("\n");
}

static void build_crc(void) {
    for (int i = 0; i < 256; i++) {
        unsigned char c = (unsigned char)i;
        for (int k = 0; k < 8; k++)
            c = (c & 0x80) ? (unsigned char)((c << 1) ^ 0x07) : (unsigned char)(c << 1);
        crc_table[i] = c;
    }
}

int main(void) {
    printf("doy 2024-03-01=%d 2023-12-31=%d\n", day_of_year(2024, 3, 1),
           day_of_year(2023, 12, 31));
    print_roman(1994);
    print_roman(2024);
    print_roman(3888);

    unsigned int v = 0xC0FFEEu;
    char out[9];
    for (int i = 7; i >= 0; i--) {
        out[i] = hex_digits[v & 0xF];
        v >>= 4;
    }
    out[8] = '\0';
    printf("hex=%s\n", out);

    build_crc();
    char msg[] = "123456789";
    unsigned char crc = 0;
    for (int i = 0; msg[i] != '\0'; i++)
        crc = crc_table[crc ^ (unsigned char)msg[i]];
    printf("crc8=%02x table[1]=%02x table[255]=%02x\n", crc, crc_table[1], crc_table[255]);

    int psum = 0;
    for (int i = 0; i < 10; i++)
        psum += primes[i] * (i % 2 ? -1 : 1);
    printf("alt prime sum=%d\n", psum);
    return crc == 0xF4 ? 0 : 1;
}
