# format() of int and bool.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

for spec in ["", "d", "5", "<5", "^5", "=+6", "+", " ", "x", "X", "#x", "#o", "b", "#b", "08b", ",", "_", "_x", "010,", "n", "e", ".2f", "%", "#010x", "+,"]:
    print(repr(spec), repr(format(1234, spec)), repr(format(-42, spec)), repr(format(True, spec)))
print(format(2**70, ","), format(-2**70, "x"), format(0, "#b"), format(65, "c"))
for spec in [".2", "s", ",c", "+c", "z", "xx", ",,", "_,", ",b"]:
    t(repr(spec), lambda: format(10, spec))
t("bool s", lambda: format(True, "s"))
t("c range", lambda: format(-1, "c"))
