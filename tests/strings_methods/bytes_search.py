# bytes find/rfind/index/rindex/count/startswith/endswith/replace.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

b = b"abcabcabc"
for args in [(b"b",), (b"b", 2), (b"c", -2), (98,), (b"",), (b"", 9), (b"x",), (b"bc", 0, 3)]:
    print(args, b.find(*args), b.rfind(*args), b.count(*args))
print(b.index(b"c"), b.rindex(99), b.startswith(b"ab"), b.endswith((b"x", b"bc")), b.startswith(b"c", 2), b.endswith(b"", 9))
print(b.replace(b"a", b"X"), b.replace(b"abc", b"", 2), b.replace(b"", b"-", 3), b.removeprefix(b"ab"), b.removesuffix(b"bc"))
t("find('a')", lambda: b.find("a"))
t("find(300)", lambda: b.find(300))
t("index(b'x')", lambda: b.index(b"x"))
t("rindex(120)", lambda: b.rindex(120))
t("startswith('a')", lambda: b.startswith("a"))
t("endswith((b'a', 'a'))", lambda: b.endswith((b"x", "a")))
t("replace('a', b'b')", lambda: b.replace("a", b"b"))
t("replace(count=1)", lambda: b.replace(b"a", b"b", count=1))
t("removeprefix('a')", lambda: b.removeprefix("a"))
t("count()", lambda: b.count())
