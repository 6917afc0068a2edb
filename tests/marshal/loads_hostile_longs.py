# marshal.loads/load of hostile TYPE_LONG data and short files: CPython's errors,
# and a long with many digits decodes in linear time.
import io
import marshal


def show(data):
    try:
        print(repr(marshal.loads(data))[:60])
    except Exception as e:
        print(type(e).__name__, e)


show(b"l\x00\x00\x00\x80")
show(b"l\xff\xff\xff\x7f")
show(b"l\x01\x00\x00\x00\x00\x80")
show(b"l\x01\x00\x00\x00\x00\x00")
show(b"l\xfe\xff\xff\xff\x01\x00\x02\x00")

digits = 400_000
big = marshal.loads(b"l" + digits.to_bytes(4, "little") + b"\xff\x7f" * digits)
print(big == (1 << (15 * digits)) - 1)
print(marshal.loads(marshal.dumps(-(7 ** 5000))) == -(7 ** 5000))


for source in [io.BytesIO(b"i\x01\x02"), io.BytesIO(b"l\x02\x00\x00\x00\x01")]:
    try:
        print(marshal.load(source))
    except Exception as e:
        print(type(e).__name__, e)
