"""Generates the `.cases` files of tests/data_cases/ with the reference interpreter.

Run from the repository root:
    PYTHONHASHSEED=0 ../shared/tools/reference-python scripts/gen_data_cases.py
Each program in tests/data_cases/ has a table of operations (OPS); this script draws
random arguments for them (seeded, so the files are reproducible), calls each
operation under the reference and writes `op<TAB>arg...<TAB>outcome` lines, the
outcome as tests/data_cases/_cases.py shows it. The conformance harness then runs
the programs under adder, which replays every case and reports differences. Set
and dict orders depend on string hashes, so the script insists on PYTHONHASHSEED=0,
which the harness uses.
"""

import math
import os
import random
import string
import struct
import sys

if os.environ.get("PYTHONHASHSEED") != "0":
    sys.exit("gen_data_cases.py: run with PYTHONHASHSEED=0")

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "data_cases")
sys.path.insert(0, HERE)
import _cases  # noqa: E402

random.seed(20260101)


def write(name, cases):
    """`cases`: (op, [arg text...]) pairs, run with the program's OPS."""
    module = __import__(name)
    with open(os.path.join(HERE, name + ".cases"), "w", encoding="utf-8") as out:
        for op, args in cases:
            result = _cases.outcome(module.OPS[op], args)
            for text in [*args, result]:
                assert "\t" not in text and "\n" not in text, (op, args, result)
            out.write("\t".join([op, *args, result]) + "\n")
    print(name, len(cases), "cases")


# ----- numbers -----

SPECIAL_FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 2.5, -2.5, 0.1, 1e16, 1e-5, 5e-324,
                  1.7976931348623157e308, math.inf, -math.inf, math.nan, 1e22, 123456.789,
                  3.0, 100.0, 1e100, 2.0, 1e300, 1e-300, 0.3]


def random_float():
    kind = random.random()
    if kind < 0.2:
        return random.choice(SPECIAL_FLOATS)
    if kind < 0.3:
        return struct.unpack(">d", random.getrandbits(64).to_bytes(8, "big"))[0]
    if kind < 0.55:
        return float(random.randint(-1000, 1000)) / random.choice([1, 2, 4, 8, 10, 3])
    if kind < 0.8:
        return random.uniform(-1000, 1000)
    return random.choice([-1, 1]) * 10.0 ** random.uniform(-320, 308)


def fx():
    return random_float().hex()


def cx():
    def part():
        return random.choice([0.0, -0.0, 1.0, -1.0, 2.0, math.inf, math.nan]) \
            if random.random() < 0.25 else random_float()
    return "%s,%s" % (part().hex(), part().hex())


def small_int():
    return str(random.choice([random.randint(-5, 5), random.randint(-100, 100),
                              random.getrandbits(70) * random.choice([1, -1])]))


def format_spec(types, fills=" *0<"):
    spec = ""
    if random.random() < 0.3:
        spec += random.choice(["", *fills]) + random.choice("<>^=")
    spec += random.choice(["", "", "+", "-", " "])
    spec += random.choice(["", "", "", "z"])
    spec += random.choice(["", "", "#"])
    spec += random.choice(["", "", "0"])
    spec += random.choice(["", "", str(random.randint(0, 30))])
    spec += random.choice(["", "", ",", "_"])
    if random.random() < 0.5:
        spec += "." + random.choice([str(random.randint(0, 20)), str(random.randint(0, 3))])
    return spec + random.choice(types)


def printf_spec(types):
    spec = "".join(random.choice(["", "-", "+", " ", "#", "0"]) for _ in range(random.randint(0, 3)))
    spec += random.choice(["", "", str(random.randint(0, 25))])
    if random.random() < 0.5:
        spec += "." + random.choice(["", str(random.randint(0, 20))])
    return spec + random.choice(types)


def complex_text():
    pieces = ["1", "0", "2.5", "e", "e-3", "j", "J", "+", "-", " ", "(", ")", "inf", "nan",
              "_", ".", "1_0", "x"]
    if random.random() < 0.5:
        return "".join(random.choice(pieces) for _ in range(random.randint(0, 6)))
    return random.choice(["", " ", "("]) + repr(random_float()) + random.choice(["+", "-"]) \
        + repr(abs(random_float())) + random.choice(["j", "J", ""]) + random.choice(["", ")", " "])


def complex_cases():
    binary = ["add", "sub", "mul", "div", "pow", "eq", "lt", "floordiv", "mod", "pow3"]
    unary = ["neg", "pos", "abs", "conj", "bool", "repr", "str", "int", "float", "round",
             "fstring", "getnewargs"]
    cases = []
    for _ in range(250):
        for op in binary:
            b = cx() if random.random() < 0.8 else "%s,0x0.0p+0" % float(random.randint(-3, 3)).hex()
            cases.append((op, [cx(), b]))
        for op in unary:
            cases.append((op, [cx()]))
        for op in ["add_cf", "mul_cf", "div_cf", "eq_cf", "pow_cf"]:
            cases.append((op, [cx(), fx()]))
        for op in ["sub_fc", "div_fc", "pow_fc"]:
            cases.append((op, [fx(), cx()]))
        cases.append(("mul_ic", [small_int(), cx()]))
        cases.append(("div_ic", [small_int(), cx()]))
        cases.append(("pow_ci", [cx(), str(random.randint(-40, 40))]))
        cases.append(("ne_ci", [cx(), small_int()]))
        cases.append(("from_floats", [fx(), fx()]))
        cases.append(("from_str", [complex_text()]))
        z = cx()
        if "nan" not in z:
            cases.append(("hash", [z]))
        cases.append(("format", [cx(), format_spec(["", "", "e", "E", "f", "F", "g", "G", "n", "d", "%"])]))
    return cases


def bool_operand():
    kind = random.random()
    if kind < 0.55:
        return random.choice("TF")
    if kind < 0.8:
        return str(random.choice([0, 1, -1, 2, 3, 63, 64, 100, -7]))
    return random.choice([0.0, -0.0, 1.0, 0.5, -2.5, math.inf, math.nan, 1e300]).hex()


def bool_cases():
    module = __import__("bool_ops")
    unary = list(module.UNARY)
    cases = []
    for _ in range(160):
        for op in module.BINARY:
            a, b = bool_operand(), bool_operand()
            if random.random() < 0.6:
                a = random.choice("TF")
            cases.append((op, [a, b]))
        for op in unary:
            cases.append((op, [random.choice("TF")]))
        cases.append(("iand", [random.choice("TF"), bool_operand()]))
        cases.append(("is", [random.choice("TF"), bool_operand()]))
        cases.append(("format", [random.choice("TF"),
                                 format_spec(["", "", "d", "x", "b", "s", "f", "e", "%", "c", "n"])]))
        cases.append(("fstring", [random.choice("TF")]))
        cases.append(("printf", [random.choice("TF")]))
        cases.append(("bool_of_str", [random.choice(["", "0", "False", " ", "x"])]))
        cases.append(("bool_call", [bool_operand()]))
        cases.append(("method_and", [random.choice("TF"), bool_operand()]))
        cases.append(("method_ror", [random.choice("TF"), bool_operand()]))
        cases.append(("from_bytes", [str(random.choice([0, 1, 2, 255]))]))
    return cases


def float_format_cases():
    float_types = ["", "e", "E", "f", "F", "g", "G", "n", "%", "d", "x"]
    cases = []
    for _ in range(700):
        cases.append(("format", [fx(), format_spec(float_types)]))
        cases.append(("str_format", [fx(), format_spec(float_types)]))
        cases.append(("fstring", [fx(), format_spec(float_types)]))
        cases.append(("printf", [fx(), printf_spec("eEfFgGdiouxXrsa")]))
        cases.append(("printf_bytes", [fx(), printf_spec("eEfFgGdiuxXrab")]))
        cases.append(("int_format", [small_int(), format_spec(["", "d", "b", "o", "x", "X", "n", "c", "e", "f", "g", "%", "s"])]))
        cases.append(("int_printf", [small_int(), printf_spec("diouxXeEfFgGcrsa")]))
        cases.append(("round", [fx(), str(random.choice([random.randint(-5, 20), random.randint(-320, 320)]))]))
        cases.append(("repr_str", [fx()]))
    return cases


# ----- orders -----

def word():
    return "".join(random.choice(string.ascii_letters + string.digits)
                   for _ in range(random.randint(1, 6)))


def set_items(kind, n):
    if kind == "i":
        pool = [random.choice([random.randint(-50, 50), random.randint(-10**6, 10**6),
                               random.getrandbits(64) - 2**63, random.randint(0, 8) * 8,
                               random.randint(0, 20) * 2**61, random.randint(-3, 3) * 2**32])
                for _ in range(n)]
        return [str(x) for x in pool]
    if kind == "t":
        return ["%d:%d" % (random.randint(-5, 5), random.randint(-5, 5)) for _ in range(n)]
    return [word() for _ in range(n)]


def subset(items):
    return [x for x in items if random.random() < 0.4]


def set_cases():
    cases = []
    for _ in range(200):
        kind = random.choice("iist")
        n = random.choice([3, 8, 20, 40, 90])
        a, b = set_items(kind, n), set_items(kind, random.choice([3, 10, 50]))
        b += subset(a)
        random.shuffle(b)
        join = ",".join
        for op in ["build", "repr", "frozenset", "comprehension", "pops"]:
            cases.append((op, [kind, join(a)]))
        cases.append(("incremental", [kind, join(a), join(subset(a)), join(subset(a) + b[:5])]))
        for op in ["union", "inter", "diff", "symdiff", "union_method", "copy",
                   "dict_keys_and", "dict_keys_or"]:
            cases.append((op, [kind, join(a), join(b)]))
        cases.append(("updates", [kind, join(a), join(b), join(subset(b) + subset(a))]))
    return cases


def dict_program(n):
    keys = [random.choice([str(random.randint(-20, 20)), word(), str(random.getrandbits(40))])
            for _ in range(max(2, n // 3))]
    steps = []
    for _ in range(n):
        steps.append(random.choice("++--?") + random.choice(keys))
    return " ".join(steps)


def dict_cases():
    cases = []
    for _ in range(250):
        n = random.choice([5, 20, 40, 120])
        p = dict_program(n)
        for op in ["run", "copy", "dict_call", "unpack", "repr", "popitems", "fromkeys",
                   "reversed", "values"]:
            cases.append((op, [p]))
        cases.append(("rebuilt", [p, dict_program(random.choice([5, 30]))]))
        cases.append(("or", [p, dict_program(random.choice([5, 30]))]))
    return cases


def sort_cases():
    module = __import__("sort_stability")
    cases = []
    for _ in range(300):
        n = random.choice([2, 5, 17, 64, 65, 200])
        spread = random.choice([3, 10, 100, 10**6])
        values = [random.randint(-spread, spread) for _ in range(n)]
        if random.random() < 0.3:
            values.sort()
            if random.random() < 0.5:
                values.reverse()
        text = ",".join(map(str, values))
        key = random.choice(list(module.KEYS))
        reverse = random.choice("01")
        cases.append(("sorted", [text, key, reverse]))
        cases.append(("sort", [text, random.choice(list(module.KEYS)), random.choice("01")]))
        cases.append(("mixed", [",".join(str(random.randint(-3, 3)) for _ in range(random.randint(1, 30)))]))
        # NaN makes the order inconsistent: the result is the algorithm's own.
        floats = [random_float().hex() for _ in range(random.choice([1, 10, 40, 70, 300]))]
        cases.append(("floats", [",".join(floats)]))
        cases.append(("compares", [",".join(floats), random.choice("01")]))
        cases.append(("min_max", [text, key]))
        words = [random.choice([word(), word().lower(), word().upper()]) for _ in range(random.randint(1, 50))]
        cases.append(("strings", [",".join(words)]))
        cases.append(("strings_rev", [",".join(words)]))
    return cases


write("complex_ops", complex_cases())
write("bool_ops", bool_cases())
write("float_format", float_format_cases())
write("set_order", set_cases())
write("dict_order", dict_cases())
write("sort_stability", sort_cases())
