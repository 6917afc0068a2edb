# str.count: non-overlapping, empty substring, ranges.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

s = "aaaa bbb aaaa"
for args in [("a",), ("aa",), ("aaa",), ("",), ("", 3), ("", 3, 5), ("", 20), ("a", 5), ("a", -4), ("a", 0, 2), ("b", None, None), ("x",)]:
    print(args, s.count(*args))
print("ééé".count("é"), "ééé".count(""), "€a€a".count("€a"))
t("count()", lambda: s.count())
t("count(1)", lambda: s.count(1))
t("count('a', [])", lambda: s.count("a", []))
