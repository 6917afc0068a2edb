# bytes.hex and bytes.fromhex.
def t(label, f):
    try:
        print(label, "->", repr(f()))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)

b = bytes(range(0, 256, 37))
print(b.hex(), b.hex(":"), b.hex("-", 2), b.hex(" ", -2), b.hex(b"_", 3), b"".hex(), b"\x01".hex(":"))
print(bytes.fromhex("deadbeef"), bytes.fromhex(" de ad\tbe\nef "), bytes.fromhex(""), b"".fromhex("41"))
t("fromhex('zz')", lambda: bytes.fromhex("zz"))
t("fromhex('a b')", lambda: bytes.fromhex("a b"))
t("fromhex('abc')", lambda: bytes.fromhex("abc"))
t("fromhex('a')", lambda: bytes.fromhex("a"))
t("fromhex('abc d')", lambda: bytes.fromhex("abc d"))
t("fromhex(1)", lambda: bytes.fromhex(1))
t("hex('::')", lambda: b"abc".hex("::"))
t("hex(1)", lambda: b"abc".hex(1))
