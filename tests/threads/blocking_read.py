# A thread blocked reading a pipe lets the others run (the read releases the GIL):
# the main thread writes the data the reader waits for, through os.read and through
# a buffered file object.
import os
import threading

r, w = os.pipe()
got = []


def reader():
    got.append(os.read(r, 100))


t = threading.Thread(target=reader)
t.start()
os.write(w, b"hello through the pipe")
t.join(5)
print(t.is_alive(), got)

r2, w2 = os.pipe()
lines = []


def line_reader():
    with os.fdopen(r2, "rb") as f:
        for line in f:
            lines.append(line)


t2 = threading.Thread(target=line_reader)
t2.start()
with os.fdopen(w2, "wb") as f:
    for i in range(3):
        f.write(b"line %d\n" % i)
        f.flush()
t2.join(5)
print(t2.is_alive(), lines)
os.close(r)
os.close(w)
