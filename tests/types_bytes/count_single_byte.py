# bytes.count of one byte: block boundaries, every byte value, slices, bytearray.
data = (b"hello world\n" * 10000) + b"\n\n\xff"
print(data.count(b"\n"), data.count(b"\xff"), data.count(b"o"), data.count(b"z"))
print(b"".count(b"a"), b"aaa".count(b"a"), b"aaa".count(b""))
for n in (0, 1, 15, 16, 17, 127, 128, 129, 255, 256, 257, 1000, 4096, 4097):
    run = b"a" * n
    print(n, run.count(b"a"), run.count(b"a", 5, -3), run.count(b"a", 1), run.count(b"b"))
everything = bytes(range(256)) * 300
print([everything.count(bytes([v])) for v in (0, 1, 127, 128, 200, 255)])
print(everything.count(b"\x00", 100, 60000), everything.count(b"\xff", -1000))
print(bytearray(data).count(b"l"), bytearray(data).count(ord("l")), data.count(108))
print(memoryview(data).tobytes().count(b"w", 3, 70000))
try:
    data.count(256)
except ValueError as exc:
    print("ValueError:", exc)
