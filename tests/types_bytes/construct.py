# bytes(...) and bytearray(...): __bytes__, __index__ counts, iterables, encodings,
# subclasses, and the constructor errors.


def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print("!", type(e).__name__, e)


class WithBytes:
    def __bytes__(self):
        return b"from-bytes"


class BadBytes:
    def __bytes__(self):
        return "no"


class Index:
    def __index__(self):
        return 3


class BytesAndIndex:
    def __bytes__(self):
        return b"b"

    def __index__(self):
        return 2


class SubBytes(bytes):
    pass


class SubWithBytes(bytes):
    def __bytes__(self):
        return b"sub"


class MakesSub:
    def __bytes__(self):
        return SubBytes(b"xx")


class StrWithBytes(str):
    def __bytes__(self):
        return b"strb"


for kind in (bytes, bytearray):
    print("==", kind.__name__)
    show(lambda: kind(WithBytes()))
    show(lambda: kind(BadBytes()))
    show(lambda: kind(Index()))
    show(lambda: kind(BytesAndIndex()))
    show(lambda: kind(SubWithBytes(b"q")))
    show(lambda: type(kind(MakesSub())).__name__)
    show(lambda: kind(StrWithBytes("x")))
    show(lambda: kind(StrWithBytes("x"), "ascii"))
    show(lambda: kind(3))
    show(lambda: kind(True))
    show(lambda: kind(-1))
    show(lambda: kind([1, 2, 255]))
    show(lambda: kind([1, 256]))
    show(lambda: kind([1, -1]))
    show(lambda: kind([1, "a"]))
    show(lambda: kind([Index()]))
    show(lambda: kind(iter(range(3))))
    show(lambda: kind(x for x in b"ab"))
    show(lambda: kind((1, 2)))
    show(lambda: kind(1.5))
    show(lambda: kind("abc"))
    show(lambda: kind("abc", "ascii"))
    show(lambda: kind("\xe9", "ascii"))
    show(lambda: kind("\xe9", "ascii", "replace"))
    show(lambda: kind(b"x", "ascii"))
    show(lambda: kind(b"x", errors="strict"))
    show(lambda: kind(encoding="ascii"))
    show(lambda: kind(errors="strict"))
    show(lambda: kind("x", errors="strict"))
    show(lambda: kind(source=b"kw"))
    show(lambda: kind(None))
    show(lambda: kind(memoryview(b"abc")))
    show(lambda: kind(1, 2, 3, 4))
    show(lambda: kind(x=1))
    show(lambda: kind(2**64))
    show(lambda: kind({1: 2, 3: 4}))

print("== subclasses")
s = SubBytes(b"ab")
print(repr(s), type(s).__name__, len(s), s[0], s[1:], s.upper(), s + b"c", s == b"ab")
print(repr(s.__bytes__()), type(s.__bytes__()).__name__, type(bytes(s)).__name__)
print(repr(SubBytes(WithBytes())), type(SubBytes(WithBytes())).__name__)
print(repr(SubBytes(3)), repr(SubBytes([104, 105])), repr(SubBytes("h\xe9", "utf-8")))
print(isinstance(s, bytes), hash(s) == hash(b"ab"), b"%s" % s, s.__getnewargs__())
print(repr(bytes.__bytes__(b"ab")), b"ab".__bytes__() is not None)
show(lambda: bytes.__bytes__(bytearray(b"x")))
show(lambda: b"x".__bytes__(1))
