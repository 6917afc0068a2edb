# Binary files: read/readline/peek/seek/tell on BufferedReader, writes on
# BufferedWriter, unbuffered FileIO.
import posix
name = '_tmp_open_binary.bin'
with open(name, 'wb') as f:
    print(type(f).__name__, f.mode, f.raw.mode, f.writable(), f.readable(), f.seekable())
    print(f.write(b'line one\nline two\n'), f.write(bytes(range(5))), f.tell())
with open(name, 'rb') as f:
    print(type(f).__name__, f.read(4), f.tell(), f.peek(2)[:2], f.read1(3))
    print(f.readline(), f.readline(), f.read(), f.read(), f.tell())
    print(f.seek(0), f.readline(), f.seek(-2, 2), f.read(), f.seek(0, 1))
with open(name, 'rb') as f:
    print(list(f))
with open(name, 'rb', buffering=0) as raw:
    print(type(raw).__name__, raw.read(4), raw.readall(), raw.read(10))
with open(name, 'r+b') as f:
    print(type(f).__name__, f.read(4))
    f.write(b'ONE')
    f.seek(0)
    print(f.read(12))
posix.unlink(name)
