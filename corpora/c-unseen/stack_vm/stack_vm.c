#include <stdio.h>

enum opcode { OP_PUSH, OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_DUP, OP_SWAP, OP_JZ, OP_JMP,
              OP_PRINT, OP_LOAD, OP_STORE, OP_LT, OP_HALT };

struct instr {
    enum opcode op;
    int arg;
};

struct vm {
    int stack[64];
    int sp;
    int vars[8];
    int steps;
};

static const char *op_name(enum opcode op)
{
    switch (op) {
    case OP_PUSH: return "PUSH";
    case OP_ADD: return "ADD";
    case OP_SUB: return "SUB";
    case OP_MUL: return "MUL";
    case OP_DIV: return "DIV";
    case OP_DUP: return "DUP";
    case OP_SWAP: return "SWAP";
    case OP_JZ: return "JZ";
    case OP_JMP: return "JMP";
    case OP_PRINT: return "PRINT";
    case OP_LOAD: return "LOAD";
    case OP_STORE: return "STORE";
    case OP_LT: return "LT";
    case OP_HALT: return "HALT";
    }
    return "?";
}

static void push(struct vm *m, int v) { m->stack[m->sp++] = v; }
static int pop(struct vm *m) { return m->stack[--m->sp]; }

/* returns 0 on normal halt, 1 on error */
static int run(struct vm *m, const struct instr *code, int len)
{
    int pc = 0;
    m->sp = 0;
    m->steps = 0;
    while (pc < len) {
        struct instr in = code[pc];
        int a, b;
        pc++;
        m->steps++;
        switch (in.op) {
        case OP_PUSH: push(m, in.arg); break;
        case OP_ADD: b = pop(m); a = pop(m); push(m, a + b); break;
        case OP_SUB: b = pop(m); a = pop(m); push(m, a - b); break;
        case OP_MUL: b = pop(m); a = pop(m); push(m, a * b); break;
        case OP_DIV:
            b = pop(m); a = pop(m);
            if (b == 0) {
                printf("error: division by zero at pc %d\n", pc - 1);
                return 1;
            }
            push(m, a / b);
            break;
        case OP_DUP: a = pop(m); push(m, a); push(m, a); break;
        case OP_SWAP: b = pop(m); a = pop(m); push(m, b); push(m, a); break;
        case OP_JZ: a = pop(m); if (a == 0) pc = in.arg; break;
        case OP_JMP: pc = in.arg; break;
        case OP_PRINT: printf("out: %d\n", pop(m)); break;
        case OP_LOAD: push(m, m->vars[in.arg]); break;
        case OP_STORE: m->vars[in.arg] = pop(m); break;
        case OP_LT: b = pop(m); a = pop(m); push(m, a < b); break;
        case OP_HALT: return 0;
        }
    }
    return 0;
}

static void disasm(const struct instr *code, int len)
{
    int i;
    for (i = 0; i < len; i++) {
        if (code[i].op == OP_PUSH || code[i].op == OP_JZ || code[i].op == OP_JMP ||
            code[i].op == OP_LOAD || code[i].op == OP_STORE)
            printf("%3d  %-6s %d\n", i, op_name(code[i].op), code[i].arg);
        else
            printf("%3d  %s\n", i, op_name(code[i].op));
    }
}

int main(void)
{
    /* (2 + 3) * (10 - 4) */
    static const struct instr expr[] = {
        { OP_PUSH, 2 }, { OP_PUSH, 3 }, { OP_ADD, 0 }, { OP_PUSH, 10 }, { OP_PUSH, 4 },
        { OP_SUB, 0 }, { OP_MUL, 0 }, { OP_PRINT, 0 }, { OP_HALT, 0 },
    };
    /* factorial of 1..7: v0 = i, v1 = acc */
    static const struct instr fact[] = {
        { OP_PUSH, 1 }, { OP_STORE, 0 }, { OP_PUSH, 1 }, { OP_STORE, 1 },
        { OP_LOAD, 0 }, { OP_PUSH, 8 }, { OP_LT, 0 }, { OP_JZ, 19 },
        { OP_LOAD, 1 }, { OP_LOAD, 0 }, { OP_MUL, 0 }, { OP_DUP, 0 }, { OP_STORE, 1 },
        { OP_PRINT, 0 }, { OP_LOAD, 0 }, { OP_PUSH, 1 }, { OP_ADD, 0 }, { OP_STORE, 0 },
        { OP_JMP, 4 }, { OP_HALT, 0 },
    };
    static const struct instr bad[] = {
        { OP_PUSH, 7 }, { OP_PUSH, 2 }, { OP_SWAP, 0 }, { OP_DIV, 0 }, { OP_PRINT, 0 },
        { OP_PUSH, 5 }, { OP_PUSH, 0 }, { OP_DIV, 0 }, { OP_PRINT, 0 }, { OP_HALT, 0 },
    };
    struct vm m = { { 0 }, 0, { 0 }, 0 };
    int rc;

    disasm(expr, (int)(sizeof expr / sizeof expr[0]));
    rc = run(&m, expr, (int)(sizeof expr / sizeof expr[0]));
    printf("rc=%d steps=%d\n\n", rc, m.steps);

    rc = run(&m, fact, (int)(sizeof fact / sizeof fact[0]));
    printf("rc=%d steps=%d v0=%d v1=%d\n\n", rc, m.steps, m.vars[0], m.vars[1]);

    disasm(bad, 4);
    rc = run(&m, bad, (int)(sizeof bad / sizeof bad[0]));
    printf("rc=%d steps=%d sp=%d\n", rc, m.steps, m.sp);
    return rc;
}
