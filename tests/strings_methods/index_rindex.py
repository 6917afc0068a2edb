# index/rindex: like find but ValueError when absent.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

s = "abcabcabc"
for args in [("b",), ("b", 2), ("c", -2), ("abc", 1), ("", 9), ("bc", 0, 3)]:
    print(args, s.index(*args), s.rindex(*args))
t("index('x')", lambda: s.index("x"))
t("rindex('x')", lambda: s.rindex("x"))
t("index('a', 10)", lambda: s.index("a", 10))
t("index('', 10)", lambda: s.index("", 10))
t("index()", lambda: s.index())
t("rindex(None)", lambda: s.rindex(None))
print("é€é".index("€"), "é€é".rindex("é"))
