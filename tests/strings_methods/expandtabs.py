# expandtabs: columns reset at newlines.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

s = "a\tbc\tdef\tg\nh\ti\r\tj"
for n in [8, 4, 1, 0, -1, 3]:
    print(n, repr(s.expandtabs(n)))
print(repr(s.expandtabs()), repr(s.expandtabs(tabsize=2)), repr("ñ\tx".expandtabs(4)))
t("expandtabs('x')", lambda: "a".expandtabs("x"))
t("expandtabs(1, 2)", lambda: "a".expandtabs(1, 2))
t("expandtabs(size=1)", lambda: "a".expandtabs(size=1))
