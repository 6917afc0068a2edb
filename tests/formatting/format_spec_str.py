# format() of str: fill, align, width, precision and errors.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

for spec in ["", "5", "<5", ">5", "^5", "*^6", "^7.2", ".2", "010", "0<5", "05", "x<5", ".,", ".2_", ".0", "s", "10s", "ñ>4"]:
    print(repr(spec), repr(format("abc", spec)), repr(format("é", spec)))
for spec in ["+", "#", "=", "d", ",", "_", "z", "=5", " ", "-", "xx", ".", "5.2x", "<>"]:
    t(repr(spec), lambda: format("a", spec))
