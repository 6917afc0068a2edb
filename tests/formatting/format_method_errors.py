# str.format syntax errors.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

for s in ["{", "}", "{0", "{0!x}", "{0!}", "{!r", "{0:", "a}b", "{0!rr}", "{0!r:}", "{{{", "{0{}}", "{!}", "{:", "x{", "{0!\x01}"]:
    t(repr(s), lambda: s.format(1))
t("format unbound", lambda: str.format())
t("format on int", lambda: str.format(1))
