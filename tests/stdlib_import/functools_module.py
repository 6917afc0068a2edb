# functools: partial, reduce, lru_cache, wraps, cached_property, total_ordering,
# singledispatch, cmp_to_key.
import functools
from functools import partial, reduce, lru_cache, wraps, cached_property, total_ordering, singledispatch

def power(base, exp):
    return base ** exp

square = partial(power, exp=2)
print(square(5), square.func is power, square.keywords, partial(power, 2)(10))
print(reduce(lambda a, b: a * b, range(1, 6)), reduce(lambda a, b: a + b, [], 7))

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(50), fib.cache_info())

def deco(f):
    @wraps(f)
    def wrapper(*a, **k):
        return f(*a, **k)
    return wrapper

@deco
def documented():
    "The docstring."
    return 1

print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)

class Circle:
    def __init__(self, r):
        self.r = r
    @cached_property
    def area(self):
        print("computing")
        return 3 * self.r ** 2

c = Circle(2)
print(c.area, c.area)

@total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n

print(Version(1) <= Version(2), Version(3) > Version(2), Version(2) >= Version(2))

@singledispatch
def describe(x):
    return "object"

@describe.register
def _(x: int):
    return "int"

@describe.register(list)
def _(x):
    return "list"

print(describe(1), describe([]), describe("s"), describe(True))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))
print(functools.partial(print, sep="-")("a", "b"))
