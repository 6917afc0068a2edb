# whence and clock ids are C ints: out of range is an OverflowError, never a
# truncated (and possibly valid) value.
import posix, time, _io

def t(f, *a):
    try:
        print(f(*a))
    except Exception as e:
        print(type(e).__name__, e)

f = _io.FileIO('/dev/null')
for w in (2**32, 2**32 + 1, -2**31 - 1, 2**63, 0):
    t(posix.lseek, f.fileno(), 0, w)
    t(f.seek, 0, w)
    t(lambda c: type(time.clock_gettime(c)).__name__, w)
    t(lambda c: type(time.clock_getres(c)).__name__, w)
f.close()
t(time.clock_gettime, 'x'); t(time.clock_getres, 'x'); t(time.clock_gettime_ns, 2**40)
