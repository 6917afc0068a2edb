def gen():
    yield 1
    yield 2
    return 7
print(list(gen()))
def echo():
    x = yield "ready"
    while True:
        x = yield x * 2
e = echo()
print(next(e), e.send(5), e.send(10))
def outer():
    r = yield from gen()
    print("inner returned", r)
    yield 3
print(list(outer()))
print(sum(x * x for x in range(10)))
g = gen()
print(type(g).__name__, next(g))
try:
    g.throw(ValueError("boom"))
except ValueError as ex:
    print("thrown back:", ex)
def bad():
    raise StopIteration
    yield
try:
    next(bad())
except RuntimeError as ex:
    print("RuntimeError:", ex)
def cl():
    try:
        yield 1
    finally:
        print("cleanup")
c = cl(); next(c); c.close()
