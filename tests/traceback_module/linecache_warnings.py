# linecache (getline, getlines, checkcache, lazycache, clearcache) and the source
# lines warnings print through it.
import linecache
import sys
import warnings

print(repr(linecache.getline(__file__, 1)))
print(repr(linecache.getline(__file__, 10**6)), repr(linecache.getline("nonexistent.py", 1)))
print(len(linecache.getlines(__file__)) == len(open(__file__).readlines()))
linecache.checkcache(__file__)
linecache.clearcache()
print(repr(linecache.getline(__file__, 4)))
print(linecache.lazycache("fake_module.py", {"__name__": "fake", "__loader__": None}))

warnings.simplefilter("always")


def show(message, category, filename, lineno, file=None, line=None):
    sys.stdout.write(warnings.formatwarning(message, category, filename, lineno, line))


warnings.showwarning = show


def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)


old_api()
warnings.warn("direct", UserWarning)
print(warnings.formatwarning("msg", RuntimeWarning, __file__, 3))
