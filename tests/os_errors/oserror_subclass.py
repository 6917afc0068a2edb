# User subclasses of OSError get the parsed attributes; BlockingIOError's third
# argument is characters_written.
class MyError(OSError):
    pass

e = MyError(2, 'No such file or directory', 'data.txt')
print(type(e).__name__, e.args, e.errno, e.filename, str(e))
e = MyError('plain')
print(e.args, e.errno, str(e))
b = BlockingIOError(11, 'would block', 5)
print(b.characters_written, b.args, str(b))
try:
    raise FileNotFoundError(2, 'No such file or directory', 'missing.cfg')
except OSError as exc:
    print(type(exc).__name__, exc, exc.errno, exc.filename)
e = OSError(2, 'x')
e.errno = 5
e.filename = 'later'
print(e.errno, str(e))
