"""Generates the expected-value files for adder-numeric's integration test.

Run with the reference interpreter from this directory:
    /work/shared/tools/reference-python gen.py
Every expected value comes from CPython. Each line is `op<TAB>arg...<TAB>expected`;
strings are written with Python's `unicode_escape` (so tabs and newlines never appear
raw), floats as 16 hex digits of their IEEE bits, ints in decimal, and a raised
exception as `!TypeName: message`.
"""

import math
import random
import struct
import sys

random.seed(20251123)
sys.set_int_max_str_digits(0)  # arguments are written in full


def limited(fn):
    """Runs `fn` under the default 4300-digit limit, as the tests assume."""
    def wrapped():
        sys.set_int_max_str_digits(4300)
        try:
            return fn()
        finally:
            sys.set_int_max_str_digits(0)
    return wrapped


def fbits(x):
    return struct.pack(">d", x).hex()


def esc(s):
    return s.encode("unicode_escape").decode("ascii")


def run(fn):
    try:
        return fn(), None
    except Exception as e:  # the exception itself is the expected value
        return None, "!%s: %s" % (type(e).__name__, e)


class Writer:
    def __init__(self, name):
        self.file = open(name, "w", encoding="ascii")

    def case(self, op, args, fn, show):
        value, error = run(fn)
        self.file.write("\t".join([op, *args, esc(error) if error else show(value)]) + "\n")


def random_int(max_bits=300):
    kind = random.random()
    if kind < 0.25:
        value = random.randint(-20, 20)
    elif kind < 0.5:
        value = random.getrandbits(random.randint(1, 64))
    elif kind < 0.6:
        value = random.choice([2**63 - 1, 2**63, 2**64, 2**53 + 1, 2**62, 2**31, 10**18])
        value += random.randint(-2, 2)
    else:
        value = random.getrandbits(random.randint(1, max_bits))
    return -value if random.random() < 0.5 else value


SPECIAL_FLOATS = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 2.5, -2.5, 0.1, 1e16, 1e15, 1e-5, 1e-4,
                  5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
                  math.inf, -math.inf, math.nan, 1e22, 1e23, 123456.789, 9007199254740993.0,
                  0.3, 2.675, 1e300, 1e-300, 3.0, -7.0, 100.0, 1e100]


def random_float():
    kind = random.random()
    if kind < 0.15:
        return random.choice(SPECIAL_FLOATS)
    if kind < 0.35:
        return struct.unpack(">d", random.getrandbits(64).to_bytes(8, "big"))[0]
    if kind < 0.55:
        return float(random.randint(-10**6, 10**6)) / random.choice([1, 2, 4, 8, 10, 100, 3])
    if kind < 0.75:
        return random.uniform(-1000, 1000)
    return random.choice([-1, 1]) * 10.0 ** random.uniform(-330, 308.25)


def gen_int_ops():
    out = Writer("int_ops.txt")
    for _ in range(400):
        a, b = random_int(), random_int()
        if random.random() < 0.1:
            b = random_int(40)
        out.case("divmod", [str(a), str(b)], lambda: divmod(a, b), lambda r: "%d %d" % r)
        out.case("truediv", [str(a), str(b)], lambda: a / b, fbits)
        out.case("and", [str(a), str(b)], lambda: a & b, str)
        out.case("or", [str(a), str(b)], lambda: a | b, str)
        out.case("xor", [str(a), str(b)], lambda: a ^ b, str)
    for _ in range(100):
        a = random_int(2000)
        b = random_int(2000) or 1
        out.case("truediv", [str(a), str(b)], lambda: a / b, fbits)
    for _ in range(250):
        a = random_int()
        n = random.choice([random.randint(-3, 70), random.randint(0, 400), random.randint(-2, 2)])
        out.case("shl", [str(a), str(n)], lambda: a << n, str)
        out.case("shr", [str(a), str(n)], lambda: a >> n, str)
        out.case("invert", [str(a)], lambda: ~a, str)
        out.case("bit_length", [str(a)], lambda: a.bit_length(), str)
        out.case("bit_count", [str(a)], lambda: a.bit_count(), str)
        out.case("to_float", [str(a)], lambda: float(a), fbits)
        out.case("hash", [str(a)], lambda: hash(a), str)
        out.case("str", [str(a)], limited(lambda: str(a)), esc)
        out.case("bin", [str(a)], lambda: bin(a), esc)
        out.case("oct", [str(a)], lambda: oct(a), esc)
        out.case("hex", [str(a)], lambda: hex(a), esc)
    for bits in [1020, 1023, 1024, 1025, 2000, 13000]:
        for _ in range(5):
            a = random.getrandbits(bits) | (1 << (bits - 1))
            out.case("to_float", [str(a)], lambda: float(a), fbits)
            out.case("hash", [str(a)], lambda: hash(a), str)
    for _ in range(250):
        a = random_int(64)
        e = random.choice([random.randint(-5, 40), random.randint(0, 60)])
        out.case("pow", [str(a), str(e)], lambda: a ** e, lambda r: fbits(r) if isinstance(r, float) else str(r))
        m = random_int(100)
        out.case("powmod", [str(a), str(e), str(m)], lambda: pow(a, e, m), str)
    for digits in [4299, 4300, 4301, 5000]:
        a = 10 ** (digits - 1) + random.getrandbits(64)
        out.case("str20", [str(a)], limited(lambda: str(a)), lambda s: s[:20])


def gen_float_ops():
    out = Writer("float_ops.txt")
    for _ in range(1500):
        x = random_float()
        out.case("repr", [fbits(x)], lambda: repr(x), esc)
    for _ in range(500):
        x, y = random_float(), random_float()
        if random.random() < 0.2:
            y = random.choice(SPECIAL_FLOATS)
        out.case("divmod", [fbits(x), fbits(y)], lambda: divmod(x, y), lambda r: fbits(r[0]) + " " + fbits(r[1]))
        out.case("mod", [fbits(x), fbits(y)], lambda: x % y, fbits)
        out.case("truediv", [fbits(x), fbits(y)], lambda: x / y, fbits)
    for _ in range(800):
        x = random_float()
        y = random.choice([random_float(), float(random.randint(-5, 5)), random.uniform(-3, 3),
                           random.choice(SPECIAL_FLOATS)])
        out.case("pow", [fbits(x), fbits(y)], lambda: x ** y,
                 show_number)
    for _ in range(500):
        x = random_float()
        n = random.choice([random.randint(-5, 20), random.randint(-320, 330)])
        out.case("round", [fbits(x)], lambda: round(x), str)
        out.case("round_n", [fbits(x), str(n)], lambda: round(x, n), fbits)
        out.case("to_int", [fbits(x)], lambda: int(x), str)
        out.case("floor", [fbits(x)], lambda: math.floor(x), str)
        out.case("ceil", [fbits(x)], lambda: math.ceil(x), str)
        out.case("ratio", [fbits(x)], lambda: x.as_integer_ratio(), lambda r: "%d %d" % r)
        if not math.isnan(x):
            out.case("hash", [fbits(x)], lambda: hash(x), str)


def random_numeric_text():
    pieces = ["0", "1", "7", "9", "a", "F", "z", "_", "__", " ", "\t", "\n", "-", "+", "0x",
              "0X", "0o", "0b", "0B", ".", "e", "E", "١", "\u00a0", "\u2003", "inf", "nan", "x"]
    return "".join(random.choice(pieces) for _ in range(random.randint(0, 6)))


def gen_parse():
    out = Writer("parse.txt")
    for _ in range(1200):
        text = random_numeric_text()
        if random.random() < 0.5:
            text = random.choice(["", " ", "-", "+"]) + str(random_int()) + random.choice(["", " ", "_1", "\n"])
        base = random.choice([0, 10, 10, 2, 8, 16, 36, 3, 7])
        out.case("int", [esc(text), str(base), esc(repr(text))], limited(lambda: int(text, base)), str)
    for text in ["1" * 4300, "1" * 4301, "1_" * 4300 + "1", "x" * 300, "١" * 5000]:
        out.case("int20", [esc(text), "10", esc(repr(text))], limited(lambda: int(text, 10)), lambda v: str(v)[:20])



def cbits(z):
    return fbits(z.real) + " " + fbits(z.imag)


def show_number(r):
    return "c " + cbits(r) if isinstance(r, complex) else fbits(r)


def random_complex():
    special = [0.0, -0.0, 1.0, -1.0, math.inf, -math.inf, math.nan, 1e300, 1e-300, 2.5]
    part = lambda: random.choice(special) if random.random() < 0.3 else random_float()
    return complex(part(), part())


def gen_text_floats():
    out = Writer("float_text.txt")
    pieces = ["1", "0", "9", "_", ".", "e", "E", "-", "+", " ", "inf", "INF", "nan", "Infinity",
              "5", "١", "\u2003", "x", "j", "J", "(", ")", "0x", "p"]
    for _ in range(600):
        text = "".join(random.choice(pieces) for _ in range(random.randint(0, 7)))
        if random.random() < 0.3:
            text = repr(random_float())
        out.case("float", [esc(text), esc(repr(text))], lambda: float(text), fbits)
        out.case("complex", [esc(text), esc(repr(text))], lambda: complex(text), cbits)
        ctext = random.choice(["", " ", "("]) + repr(random_float()) + random.choice(["+", "-"]) + \
            random.choice(["", repr(abs(random_float()))]) + random.choice(["j", "J", ""]) + random.choice(["", ")", " "])
        out.case("complex", [esc(ctext), esc(repr(ctext))], lambda: complex(ctext), cbits)
    for _ in range(500):
        x = random_float()
        out.case("hex", [fbits(x)], lambda: x.hex(), esc)
        h = x.hex() if random.random() < 0.3 else "".join(random.choice(
            ["0x", "1", "f", "A", ".", "p", "-", "+", "0", "8", " ", "inf", "3", "p-10", "p+1100", "p-1074"])
            for _ in range(random.randint(1, 8)))
        out.case("fromhex", [esc(h)], lambda: float.fromhex(h), fbits)


def gen_complex():
    out = Writer("complex.txt")
    for _ in range(350):
        a, b = random_complex(), random_complex()
        r = random.choice([random_float(), 0.0, math.inf, math.nan, 2.0])
        if random.random() < 0.2:
            b = complex(random.randint(-3, 3), 0.0)
        out.case("repr", [cbits(a)], lambda: repr(a), esc)
        out.case("mul", [cbits(a), cbits(b)], lambda: a * b, cbits)
        out.case("div", [cbits(a), cbits(b)], lambda: a / b, cbits)
        out.case("mul_real", [cbits(a), fbits(r)], lambda: a * r, cbits)
        out.case("div_by_real", [cbits(a), fbits(r)], lambda: a / r, cbits)
        out.case("real_div", [fbits(r), cbits(a)], lambda: r / a, cbits)
        out.case("abs", [cbits(a)], lambda: abs(a), fbits)
        if not (math.isnan(a.real) or math.isnan(a.imag)):
            out.case("hash", [cbits(a)], lambda: hash(a), str)
        e = random.choice([b, complex(random.randint(-120, 120), 0.0), complex(random.uniform(-5, 5), 0),
                           complex(random.uniform(-3, 3), random.uniform(-3, 3))])
        base = a if random.random() < 0.5 else complex(random.uniform(-3, 3), random.uniform(-3, 3))
        out.case("pow", [cbits(base), cbits(e)], lambda: base ** e, cbits)



def random_spec(types):
    spec = ""
    if random.random() < 0.3:
        spec += random.choice(["", "*", "0", " ", "\u00e9"]) + random.choice("<>^=")
    spec += random.choice(["", "", "+", "-", " "])
    spec += random.choice(["", "", "", "z"])
    spec += random.choice(["", "", "#"])
    spec += random.choice(["", "", "0"])
    spec += random.choice(["", "", str(random.randint(0, 25))])
    spec += random.choice(["", "", ",", "_"])
    if random.random() < 0.5:
        spec += "." + random.choice(["", str(random.randint(0, 20)), str(random.randint(0, 3))]) + random.choice(["", "", ",", "_"])
    spec += random.choice(types)
    return spec


def gen_format():
    out = Writer("format.txt")
    for _ in range(1500):
        x = random_float()
        spec = random_spec(["", "e", "E", "f", "F", "g", "G", "n", "%", "d", "x"])
        out.case("float", [fbits(x), esc(spec)], lambda: format(x, spec), esc)
        a = random_int(random.choice([10, 40, 100]))
        spec = random_spec(["", "d", "b", "o", "x", "X", "n", "c", "e", "f", "g", "%", "s"])
        out.case("int", [str(a), esc(spec)], lambda: format(a, spec), esc)


def gen_mixed():
    """int <-> float: exact comparison, and arithmetic through float(int)."""
    out = Writer("mixed.txt")
    def order(a, x):
        if x != x:
            return "nan"
        return "lt" if x < a else ("eq" if x == a else "gt")
    for _ in range(1500):
        a = random_int(random.choice([20, 60, 300, 1100]))
        x = random_float()
        kind = random.random()
        if kind < 0.2:
            x = float(a) if abs(a) < 2**1000 else x
        elif kind < 0.3 and abs(a) < 2**1000:
            x = float(a) + random.choice([0.5, -0.5, 1.0, -1.0])
        out.case("cmp", [fbits(x), str(a)], lambda: order(a, x), str)
        for op, fn in [("add", lambda: a + x), ("sub", lambda: x - a), ("mul", lambda: a * x),
                       ("div_fi", lambda: x / a), ("div_if", lambda: a / x),
                       ("floordiv", lambda: x // a), ("mod", lambda: a % x)]:
            out.case(op, [fbits(x), str(a)], fn, fbits)


gen_int_ops()
gen_format()
gen_float_ops()
gen_parse()
gen_text_floats()
gen_complex()
gen_mixed()
