# islower/isupper/istitle.
samples = ["abc", "ABC", "Abc", "aBc", "abc1", "ABC1", "123", "", "Hello World", "Hello world", "HELLO World",
           "ǅungla", "ǅ", "ǅa", "aǅ", "ß", "ʰ", "ª", "Ⅻ", "ⅻ", "They're", "A1B", "A B", "ΣΑΣ", "Σας"]
for s in samples:
    print(repr(s), s.islower(), s.isupper(), s.istitle())
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

t("istitle(1)", lambda: "a".istitle(1))
