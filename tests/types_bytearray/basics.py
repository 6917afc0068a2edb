# bytearray construction, repr, indexing, slicing, comparisons, hash, iteration.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

for src in [b"", b"abc", [1, 2, 255], range(5), 3, "", bytearray(b"xy"), memoryview(b"mv"),
            (65, 66), iter([97, 98])]:
    show(lambda: bytearray(src))
show(lambda: bytearray("h\xe9", "utf-8"))
show(lambda: bytearray("abc", encoding="ascii"))
show(lambda: bytearray("abc"))
show(lambda: bytearray(1.5))
show(lambda: bytearray(-1))
show(lambda: bytearray([256]))
show(lambda: bytearray(["a"]))
show(lambda: bytearray(b"x", "utf-8"))
show(lambda: bytearray(source=b"kw"))
b = bytearray(b"hello world")
print(b, len(b), b[0], b[-1], b[1:4], b[::-2], b[100:], list(b[:3]))
show(lambda: b[20])
show(lambda: b["x"])
print(b == b"hello world", b"hello world" == b, b == bytearray(b"hello world"), b != b"x")
print(b < b"z", bytearray(b"a") <= b"a", b"b" > bytearray(b"a"), b == "hello world")
show(lambda: b < "x")
show(lambda: hash(b))
show(lambda: {b: 1})
print(b"o" in b, 111 in b, b"wor" in b, bytearray(b"ld") in b, b"xyz" in b, 0 in b)
show(lambda: "o" in b)
print(b + b"!", b"!" + b, b + bytearray(b"?"), b * 2, 2 * bytearray(b"ab"), bytearray(b"ab") * 0)
show(lambda: b + "x")
show(lambda: b"x" + "y")
print(type(b"a" + bytearray(b"b")).__name__, type(bytearray(b"a") + b"b").__name__)
print(bool(bytearray()), bool(bytearray(b"\0")), bytearray(b"\x00\xff'\"\n\\"))
print(list(bytearray(b"abc")), [x for x in bytearray(3)], iter(bytearray()).__class__.__name__)
print(str(bytearray(b"s")), f"{bytearray(b'f')}", type(bytearray()), bytearray.__name__)
class B(bytearray):
    pass
x = B(b"sub")
print(x, repr(x), type(x).__name__, x + b"!", type(x[0:1]).__name__, x == b"sub")
print(bytearray.fromhex("de ad be ef"), B.fromhex("01"), type(B.fromhex("01")).__name__)
print(bytearray(b"\x01\xab").hex(), bytearray(b"abcdef").hex(":", 2), b"xyz".hex("-"))
show(lambda: bytearray.fromhex("zz"))
