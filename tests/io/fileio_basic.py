# FileIO directly: modes, reads and writes as single calls, seeking, truncation.
import _io, posix
name = '_tmp_fileio_basic.bin'
f = _io.FileIO(name, 'w')
print(f.mode, f.name, f.closefd, f.readable(), f.writable(), f.seekable(), f.isatty())
print(f.write(b'0123456789'), f.tell(), f.seek(2), f.write(b'ab'), f.truncate(6), f.tell())
f.close()
print(f.closed, repr(f))
try:
    f.write(b'x')
except ValueError as e:
    print(e)
f = _io.FileIO(name)
print(f.mode, f.read(2), f.read(), f.read(), f.seek(0), f.readall())
try:
    f.write(b'x')
except _io.UnsupportedOperation as e:
    print(type(e).__name__, e)
f.close()
for mode in ['r+', 'a', 'x', 'w+', 'rb', 'ab+']:
    try:
        g = _io.FileIO(name, mode)
        print(mode, g.mode, g.readable(), g.writable())
        g.close()
    except Exception as e:
        print(mode, type(e).__name__, e)
for mode in ['', 'rw', 'r++', 'q']:
    try:
        _io.FileIO(name, mode)
    except ValueError as e:
        print(repr(mode), e)
fd = posix.open(name, posix.O_RDONLY)
g = _io.FileIO(fd, closefd=False)
print(g.name == fd, g.closefd, g.read(3))
g.close()
print(posix.read(fd, 3))
posix.close(fd)
posix.unlink(name)
