# The reprs and attributes of the file layers open() builds.
import posix
name = '_tmp_repr_attrs.txt'
with open(name, 'w') as f:
    print(repr(f))
    print(repr(f.buffer), repr(f.buffer.raw))
    print(f.buffer.name, f.buffer.mode, f.buffer.raw.mode, f.buffer.raw.closefd)
    print(type(f).__name__, type(f.buffer).__name__, type(f.buffer.raw).__name__)
    print(f.readable(), f.writable(), f.seekable(), f.isatty(), f.fileno() > 2)
print(repr(f), f.closed, f.buffer.closed, f.buffer.raw.closed)
print(repr(f.buffer.raw))
for mode in ['r', 'a', 'r+', 'w+', 'a+', 'rb', 'wb', 'ab', 'r+b', 'w+b']:
    with open(name, mode) as g:
        inner = g if 'b' in mode else g.buffer
        print(mode, type(inner).__name__, inner.raw.mode, repr(g).split(' at ')[0])
posix.unlink(name)
