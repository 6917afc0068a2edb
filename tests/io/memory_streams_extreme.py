# BytesIO/StringIO with positions anywhere in the Py_ssize_t range, sizes that
# cannot be allocated, and buffered/raw reads of impossible sizes: exceptions as
# CPython raises them, never a crash.
import _io

def t(f, *a):
    try:
        r = f(*a)
        print(repr(r)[:60])
    except Exception as e:
        print(type(e).__name__, e)

s = _io.BytesIO(b'hello')
for p in (-1, 2**63, 2**62, 2**63 - 1, 10**20):
    t(s.seek, p)
for w in ((0, 1), (0, 2), (1, 1), (-100, 1), (-100, 2), (2**63 - 1, 1), (2**63 - 1, 2), (0, 3)):
    t(s.seek, *w)
s.seek(10); s.write(b'x'); print(s.getvalue())
for n in (-1, 0, 3, 2**63 - 1, 2**63):
    s.seek(0)
    t(s.read, n)
s.seek(2**62)
t(s.write, b'x')
t(s.write, b'')
s.seek(2**63 - 1)
t(s.write, b'x')
print(s.read(5), s.readline(), s.tell())

s = _io.StringIO('hello')
s.seek(2**62)
t(s.write, 'x')
t(s.write, '')
s.seek(2**63 - 1)
t(s.write, 'x')
print(s.tell(), repr(s.read()))
t(s.seek, 2**63)
t(s.truncate, 2**63)

r = _io.BufferedReader(_io.BytesIO(b'x' * 10))
for n in (-2, 2**63, 2**62, 0):
    r.seek(0)
    t(r.read, n)
for sz in (0, -1, 2**63, 2**62):
    t(_io.BufferedReader, _io.BytesIO(b'x'), sz)

f = _io.FileIO('/dev/null')
for n in (-2, 2**63, 2**62, 0):
    t(f.read, n)
f.close()
