# CALL's fast path for Python functions: exact positional arguments, defaults,
# methods (self), changed __defaults__ and __code__, recursion limits, and calls that
# must take the general path (keywords, *args, keyword-only parameters).
def f(a, b=2, c=3):
    return (a, b, c)


print(f(1), f(1, 5), f(1, 5, 6), f(1, c=9))
f.__defaults__ = (7, 8)
print(f(1), f(1, 2))
f.__defaults__ = None
try:
    f(1)
except TypeError as e:
    print("TypeError", e)
try:
    f(1, 2, 3, 4)
except TypeError as e:
    print("TypeError", e)


def g(x):
    return x * 2


def h(x):
    return x + 100


print(g(5), h(g(5)), g(h(5)))


class C:
    def m(self, v=1):
        return v + 1

    @staticmethod
    def s(v):
        return v * 3


c = C()
print(c.m(), c.m(5), C.m(c, 2), c.s(4), C.s(5))


def kwonly(a, *, b=1):
    return a + b


def star(*args, **kw):
    return args, sorted(kw)


print(kwonly(1), kwonly(1, b=5), star(), star(1, 2, x=3))


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))


def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError as e:
    print("RecursionError", e)
print(depth(100))


def gen(n):
    for i in range(n):
        yield i * i


def uses_gen():
    return sum(gen(5))


print(uses_gen(), list(map(g, [1, 2])), sorted([3, 1, 2], key=h))


def adder(k):
    def add(x):
        return x + k
    return add


adders = [adder(k) for k in range(5)]
x = 0
for a in adders:
    x = a(x)
print(x)
