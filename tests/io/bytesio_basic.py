# BytesIO: reading, writing past the end, seeking, truncating and iteration.
from _io import BytesIO
b = BytesIO(b'one\ntwo\nthree')
print(b.read(2), b.readline(), b.tell(), b.readlines())
b.seek(0)
print(list(b), b.read())
b = BytesIO()
print(b.write(b'abc'), b.write(b'def'), b.getvalue(), b.tell())
b.seek(10)
b.write(b'!')
print(b.getvalue())
print(b.seek(-3, 2), b.read(), b.seek(2), b.seek(1, 1), b.read(2))
print(b.truncate(4), b.getvalue(), b.tell())
print(b.readable(), b.writable(), b.seekable(), b.closed)
for bad in [lambda: BytesIO('str'), lambda: BytesIO().write('str'), lambda: BytesIO().seek(-1),
            lambda: BytesIO().seek(0, 3), lambda: BytesIO().truncate(-1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
with BytesIO(b'x\ny\n') as c:
    print([line for line in c])
print(c.closed)
try:
    c.getvalue()
except ValueError as e:
    print(e)
