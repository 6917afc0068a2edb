# complex arithmetic, conversions, formatting and errors on generated operands,
# checked against complex_ops.cases (scripts/gen_data_cases.py, the reference's results).
# Operands: a complex is "re,im" and a float one value, both in float.hex() form.
import _cases


def f(text):
    return float.fromhex(text)


def c(text):
    re, im = text.split(",")
    return complex(f(re), f(im))


OPS = {
    "add": lambda a, b: c(a) + c(b),
    "sub": lambda a, b: c(a) - c(b),
    "mul": lambda a, b: c(a) * c(b),
    "div": lambda a, b: c(a) / c(b),
    "pow": lambda a, b: c(a) ** c(b),
    "add_cf": lambda a, x: c(a) + f(x),
    "sub_fc": lambda x, a: f(x) - c(a),
    "mul_cf": lambda a, x: c(a) * f(x),
    "mul_ic": lambda n, a: int(n) * c(a),
    "div_cf": lambda a, x: c(a) / f(x),
    "div_fc": lambda x, a: f(x) / c(a),
    "div_ic": lambda n, a: int(n) / c(a),
    "pow_ci": lambda a, n: c(a) ** int(n),
    "pow_cf": lambda a, x: c(a) ** f(x),
    "pow_fc": lambda x, a: f(x) ** c(a),
    "pow3": lambda a, b: pow(c(a), c(b), 3),
    "neg": lambda a: -c(a),
    "pos": lambda a: +c(a),
    "abs": lambda a: abs(c(a)),
    "conj": lambda a: c(a).conjugate(),
    "bool": lambda a: bool(c(a)),
    "repr": lambda a: repr(c(a)),
    "str": lambda a: str(c(a)),
    "hash": lambda a: hash(c(a)),
    "eq": lambda a, b: c(a) == c(b),
    "eq_cf": lambda a, x: c(a) == f(x),
    "ne_ci": lambda a, n: c(a) != int(n),
    "lt": lambda a, b: c(a) < c(b),
    "floordiv": lambda a, b: c(a) // c(b),
    "mod": lambda a, b: c(a) % c(b),
    "int": lambda a: int(c(a)),
    "float": lambda a: float(c(a)),
    "round": lambda a: round(c(a)),
    "from_str": lambda text: complex(text),
    "from_floats": lambda x, y: complex(f(x), f(y)),
    "format": lambda a, spec: format(c(a), spec),
    "fstring": lambda a: f"{c(a)}|{c(a)!r:>40}|{c(a):.3}",
    "getnewargs": lambda a: c(a).__getnewargs__(),
}

if __name__ == "__main__":
    _cases.check("complex_ops", OPS)
