# bool arithmetic, bitwise and comparison operators with bool, int and float
# operands, conversions and format specs, checked against bool_ops.cases
# (scripts/gen_data_cases.py, the reference's results). "T"/"F" are the bools, other
# operands are ints in decimal or floats in float.hex() form (marked with "x").
import operator

import _cases


def v(text):
    if text in ("T", "F"):
        return text == "T"
    if "x" in text or "n" in text:
        return float.fromhex(text)
    return int(text)


BINARY = {
    "add": operator.add, "sub": operator.sub, "mul": operator.mul,
    "truediv": operator.truediv, "floordiv": operator.floordiv, "mod": operator.mod,
    "pow": operator.pow, "and": operator.and_, "or": operator.or_, "xor": operator.xor,
    "lshift": operator.lshift, "rshift": operator.rshift, "lt": operator.lt,
    "le": operator.le, "eq": operator.eq, "ne": operator.ne, "gt": operator.gt,
    "ge": operator.ge, "divmod": divmod,
}
UNARY = {
    "neg": operator.neg, "pos": operator.pos, "abs": abs,
    "not": operator.not_, "bool": bool, "int": int, "float": float, "repr": repr,
    "str": str, "hash": hash, "index": operator.index, "round": round,
    "bit_length": lambda b: b.bit_length(), "conj": lambda b: b.conjugate(),
    "numerator": lambda b: (b.numerator, b.denominator, b.real, b.imag),
    "to_bytes": lambda b: b.to_bytes(2, "little"), "as_ratio": lambda b: b.as_integer_ratio(),
}
OPS = {name: (lambda fn: lambda a, b: fn(v(a), v(b)))(fn) for name, fn in BINARY.items()}
OPS.update({name: (lambda fn: lambda a: fn(v(a)))(fn) for name, fn in UNARY.items()})
OPS.update({
    "iand": lambda a, b: operator.iand(v(a), v(b)),
    "is": lambda a, b: v(a) is v(b),
    "format": lambda a, spec: format(v(a), spec),
    "fstring": lambda a: f"{v(a)}|{v(a)!r}|{v(a):>6}|{v(a):d}",
    "printf": lambda a: "%s %r %d %x %5.2f %c" % ((v(a),) * 6),
    "bool_of_str": lambda s: bool(s),
    "bool_call": lambda a: bool.__new__(bool, v(a)),
    "method_and": lambda a, b: v(a).__and__(v(b)),
    "method_ror": lambda a, b: v(a).__ror__(v(b)),
    "from_bytes": lambda n: bool.from_bytes(bytes([int(n)]), "big"),
})

if __name__ == "__main__":
    _cases.check("bool_ops", OPS)
