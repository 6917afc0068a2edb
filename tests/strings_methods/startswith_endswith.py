# startswith/endswith: str or tuple, with start/end.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

s = "hello world"
for args in [("hello",), ("world",), (("x", "hel"),), ((),), ("",), ("", 11), ("", 12), ("world", 6), ("lo", 3, 5), ("o", -1), ("hello", 0, 3), ("h", 20)]:
    print(args, s.startswith(*args), s.endswith(*args))
print("ñandú".startswith("ña"), "ñandú".endswith("dú"), "ñandú".endswith("n", 0, 2))
t("startswith(1)", lambda: s.startswith(1))
t("endswith(['a'])", lambda: s.endswith(["a"]))
t("startswith(('h', 1))", lambda: s.startswith(("h", 1)))
t("startswith(('x', 1))", lambda: s.startswith(("x", 1)))
t("endswith(('x', None))", lambda: s.endswith(("x", None)))
t("startswith()", lambda: s.startswith())
t("endswith('a', 'b')", lambda: s.endswith("a", "b"))
