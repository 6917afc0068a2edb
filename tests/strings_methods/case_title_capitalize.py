# str.title/capitalize: titlecase letters, apostrophes, digits.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

for s in ["hello world", "HELLO WORLD", "they're bill's friends", "ǆemal", "ﬂour ﬁsh", "straße test", "123abc def", "a1b2 c3", "ΣΑΣ ΣΑΣ", "", "  x"]:
    print(repr(s), repr(s.title()), repr(s.capitalize()))
print("ǳ".capitalize(), "ǳ".title(), "ǲ".lower(), "ǲ".upper())
print("ŉ".capitalize(), "ß".capitalize(), "ßa".title())
t("title(1)", lambda: "a".title(1))
t("capitalize(1)", lambda: "a".capitalize(1))
