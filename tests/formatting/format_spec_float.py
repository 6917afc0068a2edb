# format() of float.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

vals = [3.14159, -0.0, 1e20, 1.5e-7, float("inf"), float("nan"), 123456.789]
for spec in ["", "f", ".2f", "10.3f", "<10.1f", "^10", "e", ".3E", "g", ".3g", "G", "%", ".1%", ",", ",.2f", "+", " ", "z.1f", "#.0f", "010.2f", "_.3f", "n"]:
    print(repr(spec), [format(v, spec) for v in vals])
for spec in ["d", "x", "c", "s", ".2d"]:
    t(repr(spec), lambda: format(1.5, spec))
