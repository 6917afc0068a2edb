# str.swapcase/casefold.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

for s in ["Hello World", "straße", "ΣΑΣ σας", "ǅ", "ﬁ", "İı", "µ", "ΣΑΣ", "123"]:
    print(repr(s), repr(s.swapcase()), repr(s.casefold()))
print("ß".casefold() == "ss", "ﬁ".casefold(), "ẞ".casefold(), "Σ".casefold())
print("STRASSE".casefold() == "straße".casefold())
t("casefold(1)", lambda: "a".casefold(1))
t("swapcase(1)", lambda: "a".swapcase(1))
