# bytes case mapping and character classes (ASCII only).
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

for b in [b"Hello World", b"abc", b"ABC", b"123", b"", b" \t", b"a1", b"\xe9A"]:
    print(b, b.upper(), b.lower(), b.isalpha(), b.isalnum(), b.isdigit(), b.isspace(), b.islower(), b.isupper(), b.isascii())
t("upper(1)", lambda: b"a".upper(1))
t("bytes.lower()", lambda: bytes.lower())
