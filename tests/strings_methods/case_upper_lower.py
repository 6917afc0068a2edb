# str.upper/lower: ASCII, Latin-1, special casing, final sigma.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

for s in ["hello", "Hello World", "ÀÉÎõü", "straße", "ǅungla", "ﬁne", "İstanbul", "ŉ", "ΰ", "ﬃ"]:
    print(repr(s), repr(s.upper()), repr(s.lower()))
# Final sigma: lower() picks ς at the end of a word.
for s in ["ΟΔΟΣ", "ΟΔΟΣ ΟΔΟΣ", "Σ", "AΣ", "AΣB", "AΣ.", "A.Σ", "AΣ'B", "ΣΑ", "ΑΣ1", "Α'Σ'"]:
    print(repr(s), repr(s.lower()))
print("ABC".lower() == "abc", "".upper() == "")
print(len("ß".upper()), "ß".upper(), "ﬀ".upper())
t("upper(1)", lambda: "a".upper(1))
t("lower(x=1)", lambda: "a".lower(x=1))
t("str.upper(5)", lambda: str.upper(5))
t("str.lower()", lambda: str.lower())
class S(str):
    pass
print(repr(S("Abc").upper()), type(S("Abc").upper()).__name__)
