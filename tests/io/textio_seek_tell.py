# TextIOWrapper tell()/seek() as byte positions, r+ mode, truncate, encodings.
import posix
name = '_tmp_textio_seek.txt'
with open(name, 'w', encoding='utf-8') as f:
    f.write('héllo\nwörld\n')
    print(f.tell())
with open(name, encoding='utf-8') as f:
    print(repr(f.readline()), f.tell(), repr(f.read(2)), f.tell())
    print(f.seek(0), repr(f.read(1)), f.seek(0, 2), repr(f.read()))
    for bad in [(1, 1), (1, 2), (-1, 0), (0, 7)]:
        try:
            f.seek(*bad)
        except Exception as e:
            print(bad, type(e).__name__, e)
with open(name, 'r+', encoding='utf-8') as f:
    print(repr(f.read(5)))
    f.seek(0)
    f.write('J')
    f.seek(0)
    print(repr(f.read()))
    f.seek(3)
    print(f.truncate(), f.tell())
with open(name, encoding='utf-8') as f:
    print(repr(f.read()))
with open(name, 'w', encoding='latin-1') as f:
    f.write('café')
with open(name, 'rb') as f:
    print(f.read())
with open(name, encoding='latin-1') as f:
    print(f.read(), f.encoding)
with open(name, encoding='ascii', errors='replace') as f:
    print(repr(f.read()))
try:
    with open(name, encoding='ascii') as f:
        f.read()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
posix.unlink(name)
