# newline= for reading and writing text files: universal newlines, untranslated,
# and fixed line endings; the newlines attribute.
import posix
name = '_tmp_newlines.txt'
with open(name, 'wb') as f:
    f.write(b'unix\nwindows\r\nmac\rlast')
for newline in [None, '', '\n', '\r', '\r\n']:
    with open(name, newline=newline) as f:
        print(repr(newline), f.readlines(), f.newlines)
    with open(name, newline=newline) as f:
        print(repr(newline), repr(f.read()))
for newline in [None, '', '\n', '\r', '\r\n']:
    with open(name, 'w', newline=newline) as f:
        f.write('a\nb\r\nc\rd')
    with open(name, 'rb') as f:
        print(repr(newline), f.read())
posix.unlink(name)
