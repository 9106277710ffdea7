/* Exercises: a bytecode interpreter: a dispatch loop with a dense switch
 * over opcodes, a program counter into a const int array, conditional
 * jumps (backward edges), a small operand stack, and an exit code taken from
 * the program's result (42). Original program written for this corpus. */
#include <stdio.h>

enum op { PUSH, ADD, SUB, MUL, DUP, SWAP, JNZ, PRINT, HALT, DEC, OVER, POP };

/* Computes 6 * 7 by repeated addition, printing the running sum. */
static const int program[] = {
    PUSH, 0,        /* acc */
    PUSH, 7,        /* counter */
    /* loop at 4: stack = acc counter */
    SWAP,           /* counter acc */
    PUSH, 6, ADD,   /* counter acc+6 */
    DUP, PRINT,     /* print acc */
    SWAP,           /* acc counter */
    DEC,            /* acc counter-1 */
    DUP, JNZ, 4,    /* loop while counter != 0 */
    POP,            /* acc */
    HALT,
};

static int run(const int code[], int len, int *steps) {
    int stack[32];
    int sp = 0, pc = 0;
    *steps = 0;
    while (pc < len) {
        int op = code[pc++];
        (*steps)++;
        switch (op) {
        case PUSH: stack[sp++] = code[pc++]; break;
        case ADD: sp--; stack[sp - 1] += stack[sp]; break;
        case SUB: sp--; stack[sp - 1] -= stack[sp]; break;
        case MUL: sp--; stack[sp - 1] *= stack[sp]; break;
        case DUP: stack[sp] = stack[sp - 1]; sp++; break;
        case SWAP: {
            int t = stack[sp - 1];
            stack[sp - 1] = stack[sp - 2];
            stack[sp - 2] = t;
            break;
        }
        case JNZ: {
            int target = code[pc++];
            if (stack[--sp] != 0)
                pc = target;
            break;
        }
        case PRINT: printf("out: %d\n", stack[--sp]); break;
        case DEC: stack[sp - 1]--; break;
        case OVER: stack[sp] = stack[sp - 2]; sp++; break;
        case POP: sp--; break;
        case HALT: return sp > 0 ? stack[sp - 1] : -1;
        default:
            printf("bad opcode %d at %d\n", op, pc - 1);
            return -2;
        }
    }
    return -3;
}

int main(void) {
    int steps = 0;
    int len = (int)(sizeof(program) / sizeof(program[0]));
    int result = run(program, len, &steps);
    printf("result=%d steps=%d len=%d\n", result, steps, len);

    int square_diff[] = {PUSH, 9, DUP, MUL, PUSH, 4, DUP, MUL, SUB, PUSH, 1, OVER, ADD, HALT};
    int r2 = run(square_diff, 14, &steps);
    printf("r2=%d steps=%d\n", r2, steps);
    int bad[] = {PUSH, 1, 99};
    printf("bad=%d\n", run(bad, 3, &steps));
    return result;
}
