# io: StringIO, BytesIO and the io constants (through _io).
import io

s = io.StringIO("line1\nline2\n")
print(s.readline(), s.read(), s.tell())
b = io.BytesIO()
b.write(b"abc")
print(b.getvalue(), isinstance(s, io.TextIOBase), io.SEEK_END)

t = io.StringIO()
print("a", "b", file=t, sep=",")
t.write("more")
print(repr(t.getvalue()), t.closed)
t.close()
print(t.closed)
for line in io.StringIO("x\ny\n"):
    print(repr(line))
print(io.BytesIO(b"12345").read(2), io.DEFAULT_BUFFER_SIZE)
