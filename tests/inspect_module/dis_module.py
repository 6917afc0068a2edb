# The dis module on adder: importing it (through _opcode and opcode), disassembling
# small functions, get_instructions, Bytecode, code_info and stack_effect.
import dis
import io
import opcode


def add(a, b=1):
    c = a + b
    if c > 10:
        return c * 2
    return [x for x in range(c)]


dis.dis(add)
out = io.StringIO()
dis.dis("x = y + 1", file=out)
print(out.getvalue())
for ins in dis.get_instructions(add):
    if ins.opname.startswith("LOAD_FAST") or ins.opname == "BINARY_OP":
        print(ins.opname, ins.arg, ins.argval, ins.argrepr, ins.positions.lineno)
print(dis.Bytecode(add).info())
print(dis.code_info(add))
print(dis.stack_effect(opcode.opmap["POP_TOP"]))
print(dis.stack_effect(opcode.opmap["BUILD_LIST"], 3))
print(dis.stack_effect(opcode.opmap["SETUP_FINALLY"], 0, jump=True))
for name in ("hasarg", "hasconst", "hasname", "hasjump", "hasfree", "haslocal",
             "hasexc", "hascompare"):
    print(name, getattr(opcode, name))
print(opcode.opname[:12], len(opcode.opmap), opcode.HAVE_ARGUMENT,
      opcode.EXTENDED_ARG)
print(opcode._nb_ops[:4], opcode._intrinsic_1_descs[:3], opcode._special_method_names)
