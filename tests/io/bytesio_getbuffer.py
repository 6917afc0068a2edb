# BytesIO.getbuffer(): a read-write view of the stream's bytes; the stream cannot
# resize (write, truncate, close) while a view is alive.
import io
b = io.BytesIO(b"hello world")
m = b.getbuffer()
print(type(m), m.obj is b, type(m.obj), m.readonly, m.format, len(m), bytes(m))
m[0] = ord("J")
print(b.getvalue())
for op in (lambda: b.write(b"x"), lambda: b.truncate(2), lambda: b.close(), lambda: b.seek(0), lambda: b.read(3), lambda: b.getvalue()):
    try:
        print(op())
    except Exception as e:
        print(type(e).__name__, e)
m2 = b.getbuffer()
m.release()
try:
    b.write(b"y")
except BufferError as e:
    print("still", e)
m2.release()
print(b.write(b"y"), b.getvalue())
with b.getbuffer() as v:
    print(v.tobytes(), v.nbytes, v[1:3].tobytes())
b.close()
try:
    b.getbuffer()
except ValueError as e:
    print(e)
print(bytes(io.BytesIO().getbuffer()))
b = io.BytesIO(b"abcdef")
view = b.getbuffer()
print(bytes(memoryview(view.obj)), view.obj.__class__.__module__, view.obj.__class__.__name__)
del view
print(b.write(b"XY"), b.getvalue())
import _io
try:
    _io._BytesIOBuffer()
except TypeError as e:
    print("TypeError", e)
# Any bytes-like object can be written (pickle writes getbuffer() views).
b2 = io.BytesIO(bytearray(b"ab"))
b2.seek(0, 2)
print(b2.write(memoryview(b"cd")), b2.write(bytearray(b"e")), b2.write(io.BytesIO(b"fg").getbuffer()), b2.getvalue())
try:
    b2.write("str")
except TypeError as e:
    print(e)
