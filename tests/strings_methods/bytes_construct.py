# bytes(...) forms, indexing and slicing.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes(b"xy"), bytes("é", "utf-8"), bytes("ab", encoding="ascii"), bytes((x for x in [1, 2])))
print(bytes("é€", "latin-1", "replace"), bytes("é", "utf8"))
b = b"hello"
print(b[0], b[-1], b[1:3], b[::-1], b[10:], type(b[0]).__name__, list(b), b"a" in b"abc", 104 in b)
t("b[5]", lambda: b[5])
t("b[-6]", lambda: b[-6])
t("b['x']", lambda: b["x"])
t("bytes('a')", lambda: bytes("a"))
t("bytes(-1)", lambda: bytes(-1))
t("bytes(1.5)", lambda: bytes(1.5))
t("bytes([256])", lambda: bytes([256]))
t("bytes(['a'])", lambda: bytes(["a"]))
t("bytes(b'x', 'utf-8')", lambda: bytes(b"x", "utf-8"))
t("bytes('é', 'ascii')", lambda: bytes("é", "ascii"))
t("bytes(1, 2, 3, 4)", lambda: bytes(1, 2, 3, 4))
t("bytes(None)", lambda: bytes(None))
