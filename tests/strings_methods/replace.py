# str.replace: counts (positional and keyword), empty old, unicode.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("one", "1", count=1), s.replace("one", "1", -1), s.replace("one", "1", 0))
print(repr("abc".replace("", "-")), repr("abc".replace("", "-", 2)), repr("".replace("", "x")), repr("".replace("a", "x")))
print("ñañaña".replace("ña", "NA"), "ab".replace("ab", ""), "aaa".replace("aa", "b"))
t("replace()", lambda: s.replace())
t("replace('a')", lambda: s.replace("a"))
t("replace(1, 'b')", lambda: s.replace(1, "b"))
t("replace('a', 1)", lambda: s.replace("a", 1))
t("replace('a', 'b', 'c')", lambda: s.replace("a", "b", "c"))
t("replace('a', 'b', 2, count=1)", lambda: s.replace("a", "b", 2, count=1))
t("replace(old='a', new='b')", lambda: s.replace(old="a", new="b"))
t("replace('a', 'b', cnt=1)", lambda: s.replace("a", "b", cnt=1))
