# Sizes and descriptors from the whole int range: MemoryError/OverflowError as
# CPython, never an abort.
import posix

def t(f, *a):
    try:
        r = f(*a)
        print(repr(r)[:40])
    except Exception as e:
        print(type(e).__name__, e)

for n in (-1, 0, 16, 2**62, 2**63):
    t(lambda n: len(posix.urandom(n)), n)
for n in (2**62, 0):
    t(posix.read, 0, n)
for fd in (-1, 2**31, 2**63, -2**31 - 1, -2**63 - 1):
    for f in (posix.close, posix.fstat, posix.dup, posix.get_inheritable):
        t(f, fd)
    t(posix.lseek, fd, 0, 0)
    t(posix.write, fd, b'x')
    t(posix.read, fd, 1)
    t(posix.dup2, 0, fd)
