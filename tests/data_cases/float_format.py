# Float and int formatting with generated specs: format(), str.format, f-strings and
# printf-style `%`, checked against float_format.cases (scripts/gen_data_cases.py,
# the reference's results). Floats are in float.hex() form.
import _cases


def f(text):
    return float.fromhex(text)


OPS = {
    "format": lambda x, spec: format(f(x), spec),
    "str_format": lambda x, spec: ("{:" + spec + "}").format(f(x)),
    "fstring": lambda x, spec: f"{f(x):{spec}}",
    "printf": lambda x, spec: ("%" + spec) % f(x),
    "printf_bytes": lambda x, spec: (b"%" + spec.encode()) % f(x),
    "int_format": lambda n, spec: format(int(n), spec),
    "int_printf": lambda n, spec: ("%" + spec) % int(n),
    "round": lambda x, n: round(f(x), int(n)),
    "repr_str": lambda x: (repr(f(x)), str(f(x))),
}

if __name__ == "__main__":
    _cases.check("float_format", OPS)
