# Assigning func.__code__: CPython's type, free-variable and kind checks, and
# types.coroutine, which relies on it.
def f(): return 1
def g(): return 2
def outer():
    x = 1
    def h(): return x
    return h
h = outer()
f.__code__ = g.__code__
print(f(), f.__name__, f.__code__.co_name)
for bad in (None, 1, "x"):
    try:
        f.__code__ = bad
    except TypeError as e:
        print("TypeError:", e)
try:
    del f.__code__
except TypeError as e:
    print("TypeError:", e)
try:
    f.__code__ = h.__code__
except ValueError as e:
    print("ValueError:", e)
try:
    h.__code__ = g.__code__
except ValueError as e:
    print("ValueError:", e)
import warnings
def gen(): yield 1
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    f.__code__ = gen.__code__
    print([str(x.message) for x in w], [x.category.__name__ for x in w])
print(list(f()))
import types
@types.coroutine
def co():
    yield 5
print(co.__code__.co_flags & 0x100 != 0)
async def main():
    return await co()
c = main()
print(c.send(None))
try:
    c.send(7)
except StopIteration as e:
    print("stop", e.value)
