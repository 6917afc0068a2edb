# format() builtin and __format__ of user classes and object.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

class C:
    def __format__(self, spec):
        return "C(" + spec + ")"
class D:
    pass
class E:
    def __format__(self, spec):
        return 42
class F:
    def __str__(self):
        return "eff"
print(format(C(), "xyz"), format(C()), "{:abc}".format(C()), f"{C():q}", format(F()), f"{F()}", format(None))
print(format(5), format("s"), format(1.5), format([1, 2]), format((1,), ""))
t("D x", lambda: format(D(), "x"))
t("E", lambda: format(E(), ""))
t("None s", lambda: format(None, "s"))
t("list x", lambda: format([1], "x"))
t("type x", lambda: format(int, "x"))
t("spec int", lambda: format(1, 2))
t("no args", lambda: format())
t("3 args", lambda: format(1, "", 3))
class G(int):
    pass
print(format(G(7), "03"), format(G(7)))
t("G s", lambda: format(G(7), "s"))
print((5).__format__("03"), "ab".__format__("^4"), object.__format__(F(), ""))
t("object.__format__ x", lambda: object.__format__(D(), "x"))
