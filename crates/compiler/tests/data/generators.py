def gen(n):
    for i in range(n):
        yield i
    x = yield
    yield from range(3)
    return x

squares = [x * x for x in range(10) if x % 2]
evens = {x for x in range(10)}
pairs = {k: v for k, v in zip("ab", "cd")}
total = sum(x for x in range(5))
nested = [(a, b) for a in range(3) for b in range(a)]
f = lambda a, b=1: a + b
