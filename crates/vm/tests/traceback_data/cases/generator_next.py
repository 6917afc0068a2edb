def gen():
    yield 1
    raise StopIteration("no")

g = gen()
next(g)
next(g)
