# inspect.getsource and friends: source of functions, methods, classes, nested
# functions, lambdas and decorated functions, read through linecache/tokenize.
import inspect
import linecache


def plain(a, b=2):
    """Docstring."""
    return a + b


# A comment above.
def decorated_target():
    pass


def deco(f):
    return f


@deco
def decorated(x):
    return x


class Klass:
    """Class doc."""

    attr = 1

    def method(self):
        return self.attr

    class Inner:
        def deep(self):
            pass


def outer():
    def nested(y):
        return y * 2
    return nested


square = lambda v: v * v  # noqa: E731

for obj in (plain, decorated, Klass, Klass.method, Klass.Inner.deep, outer(),
            square):
    print(repr(inspect.getsource(obj)))
lines, start = inspect.getsourcelines(Klass.method)
print(start, lines)
print(repr(inspect.getcomments(decorated_target)))
print(repr(inspect.getdoc(plain)), repr(inspect.getdoc(Klass)))
print(inspect.getfile(plain) == __file__, inspect.getsourcefile(plain) == __file__)
print(inspect.getmodule(plain).__name__)
print(repr(linecache.getline(__file__, 8)))
print(len(linecache.getlines(__file__)) > 40)
print(inspect.cleandoc("""
    Indented
      more
    end
"""))
try:
    inspect.getsource(len)
except TypeError as e:
    print("TypeError", e)
