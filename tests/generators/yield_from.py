# yield from: delegation, return values, and exceptions crossing the delegation.
def inner(n):
    for i in range(n):
        got = yield i
        if got is not None:
            print("inner got", got)
    return n * 10


def middle():
    total = 0
    for n in (1, 2, 3):
        result = yield from inner(n)
        print("inner returned", result)
        total += result
    return total


def run():
    g = middle()
    print(next(g))
    print(g.send("hello"))
    values = list(g)
    print(values)


run()


def catcher():
    try:
        yield 1
    except KeyError as e:
        print("caught in inner", repr(e))
        yield 2


def delegator():
    yield from catcher()
    yield 3


d = delegator()
print(next(d))
print(d.throw(KeyError("k")))
print(next(d))
print(list(d))

gen_exp = (x * x for x in range(5) if x % 2 == 0)
print(list(gen_exp), list(gen_exp))
print(sum(i for i in range(100)))
