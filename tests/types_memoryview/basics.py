# memoryview over bytes and bytearray: attributes, indexing, slicing, writing through.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

data = bytearray(b"abcdef")
m = memoryview(data)
print(m.format, m.itemsize, m.shape, m.strides, m.readonly, m.nbytes, m.ndim, m.obj is data)
print(m.c_contiguous, m.f_contiguous, m.contiguous, m.suboffsets, len(m))
print(m[0], m[-1], bytes(m[1:3]), m[::2].tobytes(), m[::2].strides, m[::-1].tolist(), len(m[::2]))
m[0] = 65
m[1:3] = b"XY"
m[-1:] = bytearray(b"!")
print(data, m.tobytes(), m.tolist(), m.hex(), m.hex(":"), m.hex("-", 2))
ro = memoryview(b"xyz")
print(ro.readonly, ro[1], ro.tolist(), bytes(ro), ro.obj)
show(lambda: ro.__setitem__(0, 1))
show(lambda: m.__setitem__(0, 256))
show(lambda: m.__setitem__(0, "a"))
show(lambda: m.__setitem__(slice(0, 2), b"abc"))
show(lambda: m[10])
show(lambda: m["a"])
show(lambda: m.__delitem__(0))
show(lambda: memoryview("text"))
show(lambda: memoryview(5))
show(lambda: memoryview())
show(lambda: hash(m))
show(lambda: hash(ro) == hash(b"xyz"))
print(m == data, m == bytes(data), m == bytearray(b"x"), ro == b"xyz", ro != b"xyz", m == m)
print(memoryview(b"ab") == memoryview(b"ab"), ro == "xyz", ro == [120, 121, 122])
show(lambda: m < m)
print(list(ro), [x for x in m[:2]], 120 in ro, b"x" in bytes(ro))
print(m.count(65), m.index(88), ro.toreadonly().readonly, m.toreadonly().readonly)
show(lambda: m.index(255))
print(bytearray(memoryview(b"copy")), bytes(memoryview(b"copy")[1:]), b"-".join([memoryview(b"j")]))
