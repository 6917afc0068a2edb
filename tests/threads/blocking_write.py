# A thread blocked writing to a full pipe lets the others run (the write releases the
# GIL): the main thread reads what the writer sends, through os.write, a FileIO, a
# buffered file and print() to a standard output that is a pipe.
import os
import sys
import threading

SIZE = 300_000  # several times a pipe's capacity


def drain(r, size):
    got = bytearray()
    while len(got) < size:
        chunk = os.read(r, 65536)
        if not chunk:
            break
        got += chunk
    return bytes(got)


def run(name, write):
    r, w = os.pipe()
    t = threading.Thread(target=write, args=(w,))
    t.start()
    data = drain(r, SIZE)
    t.join(10)
    os.close(r)
    print(name, t.is_alive(), len(data), data[:3], data[-3:])


def with_os_write(w):
    data = b"a" * (SIZE - 3) + b"end"
    sent = 0
    while sent < len(data):
        sent += os.write(w, data[sent:])
    os.close(w)


def with_fileio(w):
    with open(w, "wb", buffering=0) as f:
        f.write(b"b" * (SIZE - 3) + b"end")


def with_buffered(w):
    with open(w, "wb") as f:
        for i in range(SIZE // 1000):
            f.write(b"%03d" % (i % 1000) + b"c" * 997)


run("os.write", with_os_write)
run("FileIO", with_fileio)
run("buffered", with_buffered)

sys.stdout.flush()
saved = os.dup(1)
r, w = os.pipe()
os.dup2(w, 1)
os.close(w)


def printer():
    print("p" * (SIZE - 1))
    sys.stdout.flush()


t = threading.Thread(target=printer)
t.start()
data = drain(r, SIZE)
t.join(10)
os.dup2(saved, 1)
os.close(saved)
os.close(r)
print("print", t.is_alive(), len(data), data[:3], data[-3:])
