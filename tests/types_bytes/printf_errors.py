# The errors of bytes % args and bytearray % args, with CPython's messages.


class BadBytes:
    def __bytes__(self):
        return "not bytes"


class OnlyFloat:
    def __float__(self):
        return 2.5


class RaisingIndex:
    def __index__(self):
        raise ZeroDivisionError("from __index__")


cases = [
    (b"%s", "str"), (b"%s", 5), (b"%b", 5), (b"%s", [1]), (b"%s", None), (b"%s", range(3)),
    (b"%s", {b"a": 1}), (b"%s", BadBytes()), (b"%c", 256), (b"%c", -1), (b"%c", b"zz"),
    (b"%c", bytearray(b"zz")), (b"%c", b""), (b"%c", "a"), (b"%c", 2**70), (b"%c", 1.5),
    (b"%c", 65.0), (b"%c", memoryview(b"a")), (b"%c", RaisingIndex()), (b"%(a)s", {"a": b"1"}),
    (b"%s %s", (b"1",)), (b"%s", (b"1", b"2")), (b"abc", 5), (b"abc", b"x"),
    (b"abc", bytearray(b"x")), (b"%z", 1), (b"%\x01", 1), (b"%\x7f", 1), (b"%\x80", 1),
    (b"%\xff", 1), (b"%", ()), (b"ab%", ()), (b"%(a", {}), (b"%(a)d", 5), (b"%(a)d", [1]),
    (b"%d", "x"), (b"%d", None), (b"%d", OnlyFloat()), (b"%x", 1.5), (b"%o", 8.0),
    (b"%f", "x"), (b"%e", 10**400), (b"%g", None), (b"%*d", ("a", 3)), (b"%*d", (2**70, 1)),
    (b"%99999999999999999999d", 1), (b"%.99999999999999999999d", 1), (b"%(a)s %s", {b"a": 1}),
    (b"%(a)s %s", {b"a": b"1"}), (b"%s %(a)s", (b"1",)), (b"%c", RaisingIndex()),
]
for template, args in cases:
    for kind in (bytes, bytearray):
        try:
            print(repr(kind(template) % args))
        except Exception as e:
            print(kind.__name__, repr(template), type(e).__name__, e)

for left, right in [(5, b"x"), (b"x", b"y"), ("%s", b"x")]:
    try:
        print(repr(left % right))
    except TypeError as e:
        print("TypeError", e)
