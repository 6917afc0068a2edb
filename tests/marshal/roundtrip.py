# marshal.dumps/loads: CPython's bytes for constants, round trips, versions, errors.
import io
import marshal

print(marshal.version)
values = [5, 1000, 2**40, -3, 1.5, "abc", "héllo", b"xy", (1, 2), [1, "a"],
          {"a": 1}, {1, 2}, frozenset([3]), None, True, False, Ellipsis,
          StopIteration, 1 + 2j, (), "", "a" * 300, ("abc", "abc"), [1000, 1000],
          2**100, -2**100, slice(1, 2), (1, 1), {"b", "a", "c"}, "a b", "ab_c", "é",
          -0.0, float("inf"), 2**31, -2**31, "\ud800x"]
for v in values:
    data = marshal.dumps(v)
    back = marshal.loads(data)
    print(repr(v)[:40], data[:60], back == v or repr(back) == repr(v))
for version in range(6):
    print(version, marshal.dumps([1.5, "abc", (1,), 1 + 1j, True], version))
print(marshal.dumps(bytearray(b"ab")), marshal.dumps(memoryview(b"ab")))
print(marshal.loads(b"\xe9\x05\x00\x00\x00extra"))
print(marshal.loads(b"l\x00\x00\x00\x00"), marshal.loads(b"l\xfe\xff\xff\xff\x00\x00\x01\x00"))
print(marshal.loads(b"\xdb\x01\x00\x00\x00r\x00\x00\x00\x00"))
print(marshal.loads(b"f\x031.5"), marshal.loads(b"x\x031.5\x012"))

f = io.BytesIO()
marshal.dump({"k": [1, 2]}, f)
marshal.dump("second", f)
f.seek(0)
print(marshal.load(f), marshal.load(f), f.read())


def attempt(func, *args, **kwargs):
    try:
        print(repr(func(*args, **kwargs))[:60])
    except Exception as e:
        print(type(e).__name__, e)


attempt(marshal.loads, b"")
attempt(marshal.loads, b"i\x01")
attempt(marshal.loads, b"Q")
attempt(marshal.loads, b"r\x05\x00\x00\x00")
attempt(marshal.loads, b"(\x02\x00\x00\x00N")
attempt(marshal.loads, b"l\x01\x00\x00\x00\xff\xff")
attempt(marshal.loads, b"l\x02\x00\x00\x00\x01\x00\x00\x00")
attempt(marshal.loads, b"s\xff\xff\xff\xff")
attempt(marshal.loads, b"u\x02\x00\x00\x00\xff\xfe")
attempt(marshal.loads, b"0")
attempt(marshal.loads, b"{0")
attempt(marshal.loads, "abc")
attempt(marshal.dumps, object())
print(marshal.dumps([1], 10))
attempt(marshal.dumps, 1, -1)
attempt(marshal.dumps, True, 0)


class S(str):
    pass


attempt(marshal.dumps, S("x"))
nested = []
for i in range(3000):
    nested = [nested]
attempt(marshal.dumps, nested)
attempt(marshal.loads, b"[\x01\x00\x00\x00" * 3000 + b"N")
