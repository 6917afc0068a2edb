# strip/lstrip/rstrip with and without chars.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

for s in ["  a b  ", "\t\n a \x1c\x85\u3000", "xxaxx", "", "   "]:
    print(repr(s), repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip("x")), repr(s.strip(None)))
print(repr("www.example.com".strip("cmowz.")), repr("ñañ".strip("ñ")), repr("abc".strip("")))
t("strip(1)", lambda: "a".strip(1))
t("lstrip(1)", lambda: "a".lstrip(1))
t("rstrip(1)", lambda: "a".rstrip(1))
t("strip('a', 'b')", lambda: "a".strip("a", "b"))
t("strip(chars='a')", lambda: "a".strip(chars="a"))
