# Python subclasses of the _io base classes get the mixin methods: readline over
# read, readlines, iteration, writelines, context management, closed.
import _io

class Letters(_io._RawIOBase):
    def __init__(self, text):
        self.data = text
        self.pos = 0
    def readable(self):
        return True
    def read(self, n=-1):
        if n < 0:
            n = len(self.data)
        chunk = self.data[self.pos:self.pos + n]
        self.pos += len(chunk)
        return chunk

r = Letters(b'ab\ncd\nef')
print(r.readline(), r.readlines(), r.closed)
r = Letters(b'1\n2\n3\n')
print(list(r))
with Letters(b'x') as r:
    print(r.readable(), r.writable(), r.seekable(), r.isatty())
print(r.closed)
try:
    r.readline()
except ValueError as e:
    print(e)

class Sink(_io._IOBase):
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)

s = Sink()
s.writelines(['a', 'b', 'c'])
print(s.parts)
for name in ['fileno', 'seek', 'truncate']:
    try:
        getattr(s, name)(0) if name != 'fileno' else s.fileno()
    except _io.UnsupportedOperation as e:
        print(name, type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
s.close()
print(s.closed)
s.close()
