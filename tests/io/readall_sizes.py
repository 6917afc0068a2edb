# Reading a whole file (FileIO.readall, BufferedReader.read()): files of many sizes,
# after a partial read or seek, grown or shrunk after opening, empty, and a pipe.
import os

name = "readall_sizes.tmp"
try:
    for size in [0, 1, 100, 8191, 8192, 8193, 20000, 131072, 131073, 300000]:
        data = bytes(i % 251 for i in range(size))
        with open(name, "wb") as f:
            f.write(data)
        with open(name, "rb") as f:
            whole = f.read()
        with open(name, "rb", buffering=0) as f:
            raw = f.readall()
        with open(name, "rb") as f:
            head = f.read(10)
            rest = f.read()
        with open(name, "rb") as f:
            f.seek(size // 2)
            tail = f.read()
        print(size, whole == data, raw == data, head + rest == data, tail == data[size // 2:])
    with open(name, "wb") as f:
        f.write(b"a" * 5000)
    with open(name, "rb", buffering=0) as f, open(name, "ab") as g:
        g.write(b"b" * 30000)
        g.flush()
        got = f.readall()
        print(len(got), got.count(b"b"), f.readall())
    with open(name, "rb") as f:
        os.truncate(name, 100)
        print(len(f.read()), f.read())
    with open(name, "rb") as f:
        print(f.read(200) == b"a" * 100, f.read())
    r, w = os.pipe()
    os.write(w, b"through a pipe" * 1000)
    os.close(w)
    with open(r, "rb") as f:
        print(len(f.read()))
finally:
    os.remove(name)
