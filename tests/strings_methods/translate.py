# translate and maketrans.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

table = str.maketrans("abc", "xyz", "d")
print(sorted(table.items()))
print("abcdabcd".translate(table), "abc".translate({97: "AA", 98: None, 99: 100}), "abc".translate([]), "ñ".translate({241: "n"}))
print(sorted(str.maketrans({"a": 1, 98: "x", "c": None}).items()), "".maketrans("a", "b"))
class M:
    def __getitem__(self, k):
        if k == 97:
            raise KeyError(k)
        return k + 1
print("abc".translate(M()))
t("translate(1)", lambda: "a".translate(1))
t("translate({97: 1.5})", lambda: "a".translate({97: 1.5}))
t("translate({97: -1})", lambda: "a".translate({97: -1}))
t("maketrans(1)", lambda: str.maketrans(1))
t("maketrans('ab', 'c')", lambda: str.maketrans("ab", "c"))
t("maketrans({'ab': 1})", lambda: str.maketrans({"ab": 1}))
t("maketrans({1.5: 1})", lambda: str.maketrans({1.5: 1}))
t("maketrans('a', 'b', 1)", lambda: str.maketrans("a", "b", 1))
t("maketrans(1, 'b')", lambda: str.maketrans(1, "b"))
t("maketrans()", lambda: str.maketrans())
