# A tiny interpreter loop: a stack machine written in Python that executes a
# program held in a list of (opcode, argument) tuples, dispatching on ints.

PUSH = 0
LOAD = 1
STORE = 2
ADD = 3
SUB = 4
MUL = 5
MOD = 6
LT = 7
JUMP_IF_FALSE = 8
JUMP = 9
PRINT = 10
HALT = 11


def run(code, variables, output):
    # The stack is a fixed list with an explicit top index `sp`.
    stack = [0] * 64
    sp = 0
    pc = 0
    steps = 0
    while True:
        instr = code[pc]
        op = instr[0]
        arg = instr[1]
        pc += 1
        steps += 1
        if op == PUSH:
            stack[sp] = arg
            sp += 1
        elif op == LOAD:
            stack[sp] = variables[arg]
            sp += 1
        elif op == STORE:
            sp -= 1
            variables[arg] = stack[sp]
        elif op == ADD or op == SUB or op == MUL or op == MOD or op == LT:
            sp -= 1
            right = stack[sp]
            left = stack[sp - 1]
            if op == ADD:
                result = left + right
            elif op == SUB:
                result = left - right
            elif op == MUL:
                result = left * right
            elif op == MOD:
                result = left % right
            else:
                result = left < right
            stack[sp - 1] = result
        elif op == JUMP_IF_FALSE:
            sp -= 1
            if not stack[sp]:
                pc = arg
        elif op == JUMP:
            pc = arg
        elif op == PRINT:
            sp -= 1
            output.append(stack[sp])
        elif op == HALT:
            return steps
        else:
            return -1


def make_program(limit):
    # i = 0; acc = 1
    # while i < limit: acc = (acc * 31 + i) % 1000003; i = i + 1
    # print(acc)
    return [
        (PUSH, 0),
        (STORE, 0),
        (PUSH, 1),
        (STORE, 1),
        (LOAD, 0),  # 4: loop head
        (PUSH, limit),
        (LT, None),
        (JUMP_IF_FALSE, 21),
        (LOAD, 1),
        (PUSH, 31),
        (MUL, None),
        (LOAD, 0),
        (ADD, None),
        (PUSH, 1000003),
        (MOD, None),
        (STORE, 1),
        (LOAD, 0),
        (PUSH, 1),
        (ADD, None),
        (STORE, 0),
        (JUMP, 4),
        (LOAD, 1),  # 21: loop exit
        (PRINT, None),
        (HALT, None),
    ]


def main():
    output = []
    total_steps = 0
    for rep in range(40):
        variables = [0, 0]
        total_steps += run(make_program(20000 + rep), variables, output)
    h = 0
    for value in output:
        h = (h * 1000003 + value) % 1000000007
    print("steps executed: " + str(total_steps))
    print("checksum " + str(h))


main()
