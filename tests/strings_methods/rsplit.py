# str.rsplit: from the right.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

for s in ["a b  c", "  a b c  ", "", "a,b,,c,", "abc"]:
    print(repr(s), s.rsplit(), s.rsplit(None, 1), s.rsplit(","), s.rsplit(",", 1))
s = "  one two  three  "
print(s.rsplit(maxsplit=1), s.rsplit(None, 0), s.rsplit(sep=" "), s.rsplit(" ", maxsplit=2))
print("a::b::c".rsplit("::", 1), "aaa".rsplit("aa"), "ñ ñ ñ".rsplit(" ", 1))
t("rsplit('')", lambda: "a".rsplit(""))
t("rsplit(sep=1)", lambda: "a".rsplit(sep=1))
