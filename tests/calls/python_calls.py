# Python-to-Python calls: positional arguments, defaults, keyword arguments and
# their error messages; recursion depth; frames seen by sys._getframe.
import sys


def f(a, b=2, c=3):
    return a, b, c


def g(a, /, b, *, c=5):
    return a, b, c


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(f(1), f(1, 5), f(1, 5, 6), f(1, c=9), g(1, 2), g(1, b=3, c=4))
print(fib(20))
for call in (lambda: f(), lambda: f(1, 2, 3, 4), lambda: g(a=1, b=2), lambda: g(1),
             lambda: f(1, d=2), lambda: f(1, a=2)):
    try:
        call()
    except TypeError as e:
        print(e)


def depth():
    return sys._getframe().f_back.f_code.co_name


def caller():
    return depth()


print(caller())


def recurse(n):
    return recurse(n + 1)


try:
    recurse(0)
except RecursionError as e:
    print("RecursionError", e)


class C:
    def __init__(self, x):
        self.x = x

    def get(self, extra=0):
        return self.x + extra


c = C(4)
print(c.get(), c.get(1), C.get(c, 2))
bound = c.get
print(bound(), bound(extra=3))
f.__defaults__ = (20, 30)
print(f(1))
f.__defaults__ = None
try:
    f(1)
except TypeError as e:
    print(e)
