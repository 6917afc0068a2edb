# find/rfind with start/end (negative, None, huge) on ASCII and non-ASCII text.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

s = "hello world, hello"
for args in [("o",), ("o", 5), ("o", 5, 7), ("o", -5), ("o", None, -3), ("", 0), ("", 18), ("", 19), ("", 30), ("hello", 1), ("xyz",), ("o", 10**30), ("o", -10**30, 10**30), ("o", 8, 2)]:
    print(args, s.find(*args), s.rfind(*args))
u = "ñandú ñandú €"
for args in [("ñ",), ("ú", 5), ("ú", -3), ("€",), ("dú", 2, 5), ("", 5), ("€", 0, -1)]:
    print(args, u.find(*args), u.rfind(*args))
class I:
    def __index__(self):
        return 2
print(s.find("l", I()), s.rfind("l", 0, I()))
t("find()", lambda: s.find())
t("find(1)", lambda: s.find(1))
t("find('a', 'x')", lambda: s.find("a", "x"))
t("find('a', 1.5)", lambda: s.find("a", 1.5))
t("find(sub='a')", lambda: s.find(sub="a"))
t("rfind(1, 2, 3, 4)", lambda: s.rfind("a", 1, 2, 3))
