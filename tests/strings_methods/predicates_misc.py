# isspace/isascii/isprintable/isidentifier.
for s in [" ", "\t\n\r\x0b\x0c", "\x1c\x1d\x1e\x1f", "\x85", "\xa0", "\u2000\u3000", "\u200b", "\ufeff", "", "a b"]:
    print(repr(s), s.isspace(), s.isascii(), s.isprintable())
for s in ["abc", "é", "\x7f", "\x80", "\xad", "\u0378", "€", "\U0001f600", "\n", "a\tb"]:
    print(repr(s), s.isascii(), s.isprintable())
for s in ["abc", "_x", "1a", "a1", "", "a b", "é", "℘", "·a", "a·", "x̃", "ℵ", "𝔘", "a-b", "class", "Ⅻ", "_", "__init__", "ªº"]:
    print(repr(s), s.isidentifier())
