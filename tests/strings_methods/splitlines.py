# str.splitlines: every line boundary, keepends.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

s = "a\nb\r\nc\rd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l"
print(s.splitlines())
print(s.splitlines(True))
for s in ["", "\n", "a\n", "a\n\nb", "\r\n\r\n", "a\r", "no breaks"]:
    print(repr(s), s.splitlines(), s.splitlines(keepends=True))
t("splitlines(1, 2)", lambda: "a".splitlines(1, 2))
t("splitlines(x=1)", lambda: "a".splitlines(x=1))
t("splitlines('x')", lambda: "a".splitlines("x"))
