/* Student grade book: structs with score arrays, averages, letter grades,
 * sorting records by average, and per-exam statistics. */
#include <stdio.h>

#define EXAMS 4
#define STUDENTS 7

typedef struct {
    char name[16];
    int scores[EXAMS];
    double average;
    char grade;
} Student;

static Student roster[STUDENTS] = {
    { "Ada", { 92, 88, 95, 100 }, 0.0, '?' },
    { "Brian", { 75, 64, 80, 71 }, 0.0, '?' },
    { "Chen", { 58, 62, 49, 70 }, 0.0, '?' },
    { "Dolores", { 85, 91, 78, 88 }, 0.0, '?' },
    { "Emeka", { 100, 97, 99, 94 }, 0.0, '?' },
    { "Fatima", { 66, 73, 70, 69 }, 0.0, '?' },
    { "Gus", { 40, 55, 61, 38 }, 0.0, '?' },
};

static char letter_for(double avg)
{
    if (avg >= 90.0)
        return 'A';
    else if (avg >= 80.0)
        return 'B';
    else if (avg >= 70.0)
        return 'C';
    else if (avg >= 60.0)
        return 'D';
    return 'F';
}

static void sort_by_average(Student s[], int n)
{
    int i, j;
    for (i = 1; i < n; i++) {
        Student key = s[i];
        for (j = i - 1; j >= 0 && s[j].average < key.average; j--)
            s[j + 1] = s[j];
        s[j + 1] = key;
    }
}

int main(void)
{
    int i, e;
    int grade_counts[5] = { 0 };
    double class_total = 0.0;

    for (i = 0; i < STUDENTS; i++) {
        int sum = 0;
        for (e = 0; e < EXAMS; e++)
            sum += roster[i].scores[e];
        roster[i].average = (double)sum / EXAMS;
        roster[i].grade = letter_for(roster[i].average);
        class_total += roster[i].average;
        switch (roster[i].grade) {
        case 'A': grade_counts[0]++; break;
        case 'B': grade_counts[1]++; break;
        case 'C': grade_counts[2]++; break;
        case 'D': grade_counts[3]++; break;
        default:  grade_counts[4]++; break;
        }
    }

    sort_by_average(roster, STUDENTS);
    printf("%-4s %-10s", "rank", "name");
    for (e = 0; e < EXAMS; e++)
        printf("  ex%d", e + 1);
    printf(" %7s %s\n", "avg", "grade");
    for (i = 0; i < STUDENTS; i++) {
        printf("%-4d %-10s", i + 1, roster[i].name);
        for (e = 0; e < EXAMS; e++)
            printf(" %4d", roster[i].scores[e]);
        printf(" %7.2f   %c\n", roster[i].average, roster[i].grade);
    }

    for (e = 0; e < EXAMS; e++) {
        int lo = 101, hi = -1, best = 0;
        double mean = 0.0;
        for (i = 0; i < STUDENTS; i++) {
            int s = roster[i].scores[e];
            mean += s;
            if (s < lo)
                lo = s;
            if (s > hi) {
                hi = s;
                best = i;
            }
        }
        printf("exam %d: min %3d max %3d (%s) mean %5.2f\n", e + 1, lo, hi, roster[best].name,
               mean / STUDENTS);
    }
    printf("class average %.3f\n", class_total / STUDENTS);
    printf("grades: A=%d B=%d C=%d D=%d F=%d\n", grade_counts[0], grade_counts[1],
           grade_counts[2], grade_counts[3], grade_counts[4]);
    printf("passing (%c or better): ", 'D');
    for (i = 0; i < STUDENTS; i++)
        if (roster[i].grade != 'F')
            printf("%s%s", roster[i].name, i + 1 < STUDENTS && roster[i + 1].grade != 'F' ? ", " : "\n");
    return 0;
}
