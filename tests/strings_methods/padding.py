# center/ljust/rjust/zfill.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

for w in [0, 3, 5, 6, 7, 10]:
    print(w, repr("abc".center(w)), repr("abc".ljust(w, "*")), repr("abc".rjust(w, "ñ")), repr("ab".center(w, "-")))
for s in ["42", "-42", "+42", "", "abc", "-", "ñ"]:
    print(repr(s), repr(s.zfill(5)), repr(s.zfill(1)))
t("center()", lambda: "a".center())
t("center(3, 'ab')", lambda: "a".center(3, "ab"))
t("center(3, 1)", lambda: "a".center(3, 1))
t("ljust('x')", lambda: "a".ljust("x"))
t("rjust(1, 2, 3)", lambda: "a".rjust(1, 2, 3))
t("zfill()", lambda: "a".zfill())
t("zfill(1.0)", lambda: "a".zfill(1.0))
t("ljust(10**30)", lambda: "a".ljust(10**30))
t("center(-5)", lambda: "a".center(-5))
