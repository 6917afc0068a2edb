# Writing and reading a text file with the built-in open().
import posix
name = '_tmp_open_text_roundtrip.txt'
with open(name, 'w') as f:
    print(f.mode, f.name, f.encoding, f.errors, f.line_buffering, f.closed)
    print(f.write('hello\n'), f.write('wörld\n'), f.write('last line'))
print(f.closed)
with open(name) as f:
    print(repr(f.read()))
with open(name) as f:
    print(repr(f.readline()), repr(f.readline()), repr(f.readline()), repr(f.readline()))
with open(name) as f:
    print(list(f))
with open(name) as f:
    print(f.readlines())
with open(name, encoding='utf-8') as f:
    print(repr(f.read(3)), repr(f.read(4)), repr(f.read()))
with open(name, 'a') as f:
    f.write('\nappended')
with open(name) as f:
    for n, line in enumerate(f):
        print(n, repr(line))
import _io
print(open is _io.open)
posix.unlink(name)
