# Widths and precisions out of C range raise CPython's errors, for str and bytes.
cases = [
    ("%.*d", (2**31, 1)),
    ("%.*d", (2**31 - 1, 1)),
    ("%.*d", (-2**31 - 1, 1)),
    ("%.*d", (2**31 - 3, 1)),
    ("%.*s", (2**31, "abc")),
    ("%.*s", (2**31 - 1, "abc")),
    ("%*d", (2**63, 1)),
    ("%.2147483648d", (1,)),
    ("%.2147483647s", ("abc",)),
    ("%.*x", (2**31 - 1, 255)),
    ("%.*d", (5, 1)),
]
for template, values in cases:
    for t in (template, template.encode()):
        if isinstance(t, bytes) and "s" in template:
            values = tuple(v.encode() if isinstance(v, str) else v for v in values)
        try:
            print(repr(t), repr(t % values)[:40])
        except (OverflowError, ValueError) as e:
            print(repr(t), type(e).__name__, e)
