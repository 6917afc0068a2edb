# memoryview release, context manager, exports blocking resizes, and cast.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

b = bytearray(b"abcdefgh")
m = memoryview(b)
show(lambda: b.append(1))
show(lambda: b.extend(b"x"))
show(lambda: b.pop())
show(lambda: b.clear())
b[0] = 90
print(b, m[0])
with memoryview(b) as m2:
    print(m2[1], m2.nbytes)
print(repr(m2).startswith("<released memory at 0x"))
show(lambda: m2[0])
show(lambda: len(m2))
show(lambda: m2.nbytes)
show(lambda: m2.tobytes())
show(lambda: b.append(1))
m.release()
m.release()
b.append(33)
print(b)
show(lambda: m.tolist())
print(m == m, m == b"x")
c = memoryview(bytearray(b"abcd")).cast("I")
print(c.format, c.itemsize, c.shape, c.nbytes, c.tolist())
h = memoryview(b"abcdef").cast("H")
print(h.tolist(), h[1], len(h), h.strides, h.cast("B").tolist())
g = memoryview(bytearray(6)).cast("B", [2, 3])
print(g.shape, g.strides, g.ndim, g.tolist())
show(lambda: g[0])
show(lambda: memoryview(b"abc").cast("i"))
show(lambda: memoryview(b"abcd").cast("x"))
show(lambda: memoryview(b"abcd").cast("B", (3,)))
show(lambda: memoryview(b"abcd")[::2].cast("B"))
show(lambda: memoryview(b"abcd").cast("i").cast("h"))
show(lambda: memoryview(b"abcd").cast("B", 5))
w = memoryview(bytearray(8)).cast("i")
w[0] = -5
w[1] = 2**31 - 1
print(w.tolist(), w.obj)
show(lambda: w.__setitem__(0, 2**40))
show(lambda: w.__setitem__(0, 1.5))
d = memoryview(bytearray(8)).cast("d")
d[0] = 2.5
print(d[0], d.tolist(), memoryview(bytearray(2)).cast("?").tolist(), memoryview(b"ab").cast("c").tolist())
print(memoryview(b"\xff\x7f").cast("b").tolist(), memoryview(b"\x00\x80").cast("h").tolist())
