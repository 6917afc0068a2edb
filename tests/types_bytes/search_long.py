# bytes/bytearray find, index, count, rfind and split over long haystacks, with
# single-byte, multi-byte, repetitive and empty needles, and with start/end windows.
hay = (b"ab" * 50 + b"aab" + b"x\n" * 40 + b"\x00\xff" * 10) * 7
needles = [b"", b"a", b"\n", b"aab", b"ab", b"x\nx", b"\x00\xff\x00", b"zz",
           b"ab" * 30, hay[:1], hay, hay + b"!"]
for data in (hay, bytearray(hay), memoryview(hay).tobytes()):
    for n in needles:
        print(len(n), data.find(n), data.rfind(n), data.count(n),
              data.find(n, 17), data.find(n, 5, 400), data.count(n, 3, -3),
              data.rfind(n, 0, 250))
print(hay.count(10), hay.find(0), hay.find(255, 100), bytearray(hay).count(ord("a")))
print(b"".find(b""), b"".count(b""), b"abc".find(b"", 3), b"abc".find(b"", 4))
print(b"aaaa".count(b"aa"), b"aaaaa".find(b"aab"), (b"a" * 1000 + b"b").find(b"a" * 100 + b"b"))
print(len(hay.split(b"\n")), len(hay.split(b"ab", 5)), hay.replace(b"aab", b"-").count(b"-"))
print(hay.index(b"x\n"), hay.partition(b"\xff")[0][-3:])
try:
    hay.index(b"nope")
except ValueError as e:
    print("ValueError", e)
