# str.split: separator, maxsplit, keywords, whitespace rules.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

for s in ["a b  c", "  a b c  ", "", "   ", "a\tb\nc\x0bd\x1ce\u3000f\xa0g", "a,b,,c,", ",", "abc"]:
    print(repr(s), s.split(), s.split(None, 1), s.split(","), s.split(",", 1))
s = "  one two  three  "
print(s.split(maxsplit=1), s.split(None, 0), s.split(sep=" "), s.split(" ", maxsplit=2), s.split(maxsplit=-5))
print("a::b::c".split("::"), "a::b::c".split("::", 1), "ñ,ñ".split(","))
t("split('')", lambda: "a".split(""))
t("split(1)", lambda: "a".split(1))
t("split(',', 'x')", lambda: "a".split(",", "x"))
t("split(',', sep=',')", lambda: "a".split(",", sep=","))
t("split(x=1)", lambda: "a".split(x=1))
t("split(1, 2, 3)", lambda: "a".split(1, 2, 3))
t("split(maxsplit=1.5)", lambda: "a".split(maxsplit=1.5))
