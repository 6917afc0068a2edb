# bytes % args and bytearray % args (PEP 461): every conversion, flags, widths,
# precisions, `*`, mapping keys, and the result type.


class WithBytes:
    def __bytes__(self):
        return b"BB"


class Index:
    def __index__(self):
        return 65


class Floaty:
    def __float__(self):
        return 2.5


cases = [
    (b"%s", (b"x",)), (b"%s", bytearray(b"y")), (b"%s", memoryview(b"mv")),
    (b"%s", memoryview(b"abcd")[::2]), (b"%s", WithBytes()), (b"%b|%b", (b"a", bytearray(b"b"))),
    (b"%r", "h\xe9"), (b"%a", "h\xe9"), (b"%5r", (1,)), (b"%.2a", "abc"), (b"%r", b"\x00\xff"),
    (b"%a", bytearray(b"q")), (b"%a", "\U0001f600"), (b"%c", 65), (b"%c", b"z"),
    (b"%c", bytearray(b"q")), (b"%c", Index()), (b"%c", True), (b"%c", 0), (b"%4c|", 65),
    (b"%-3c|", b"x"), (b"%d %i %u", (1, 2, 3)), (b"%x %X %o", (255, 255, 8)),
    (b"%#x %#o %#X", (255, 8, 255)), (b"%5.2f|%-8e|%g", (3.14159, 2.5, 1e20)),
    (b"%(a)s", {b"a": b"1"}), (b"%(x)d %(x)r", {b"x": 7}), (b"%(a(b))s", {b"a(b)": b"k"}),
    (b"%*d", (5, 3)), (b"%-*d|", (5, 3)), (b"%.*f", (2, 3.14159)), (b"%*.*f|", (-8, 1, 2.25)),
    (b"abc", {}), (b"abc", ()), (b"%05d", -3), (b"%+d % d", (3, 3)), (b"%-05d|", 3),
    (b"%10s|%-10s|", (b"a", b"b")), (b"%.1s", b"abc"), (b"%.0s|", b"ab"), (b"%%", ()),
    (b"%s%%", b"q"), (b"%d", 2**100), (b"%x", -(2**70)), (b"\xe9%s", b"\xe8"), (b"%.3d", 5),
    (b"%#.3o", 8), (b"%d", 3.99), (b"%i", -2.5), (b"%f", Floaty()), (b"%x", Index()),
    (b"%f", Index()), (b"%ld %hd %Ld", (1, 2, 3)), (b"% 5.1f", 2.25), (b"%#g", 1.0),
    (b"%G", 1e-10), (b"%%%s", (b"x",)), (b"%e", -0.0), (b"%f|%F", (float("inf"), float("nan"))),
    (b"%010.3f", -3.14159), (b"%+.0e", 12345.0), (b"%s and %s", (b"x", bytearray(b"y"))),
    (b"%(a)s %(b)s", {b"a": b"A", b"b": b"B", "a": 1}), (b"\x00%s\xff", b"\x80"),
]
for template, args in cases:
    for kind in (bytes, bytearray):
        result = kind(template) % args
        print(type(result).__name__, repr(template), repr(result))

print(bytes.__mod__(b"%d", 5), bytearray.__mod__(bytearray(b"%d"), 5))
print(bytes.__rmod__(b"%d", 5), bytearray.__rmod__(bytearray(b"%d"), 5))
print("%s" % b"x", b"%s" % b"%s")
s = bytearray(b"%s-%s")
s %= (b"a", b"b")
print(s)
