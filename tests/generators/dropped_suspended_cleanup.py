# A generator, coroutine or async generator dropped while suspended inside
# try/finally or a with block is closed: its cleanup runs at once, in order.
import gc
import weakref


class CM:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("enter", self.name)

    def __exit__(self, kind, value, tb):
        print("exit", self.name, kind.__name__ if kind else None)
        return False


def counting():
    try:
        yield 1
        yield 2
    finally:
        print("finally counting")


def nested():
    with CM("outer"):
        try:
            with CM("inner"):
                yield 1
        finally:
            print("finally nested")


def delegating():
    yield from counting()


def plain():
    yield 1
    yield 2


class Suspend:
    def __await__(self):
        yield "suspended"


async def coro():
    try:
        await Suspend()
    finally:
        print("finally coro")


async def agen():
    try:
        yield 1
    finally:
        print("finally agen")


g = counting()
print(next(g))
del g
print("after counting")
g = nested()
next(g)
g = None
print("after nested")
g = delegating()
next(g)
del g
print("after delegating")
g = plain()
next(g)
r = weakref.ref(g, lambda w: print("weakref callback"))
del g
print("after plain", r())
c = coro()
print(c.send(None))
del c
print("after coro")
a = agen()
try:
    a.asend(None).send(None)
except StopIteration as e:
    print("agen yielded", e.value)
del a
print("after agen")
unstarted = counting()
del unstarted
finished = counting()
print(list(finished))
del finished
print("after unstarted and finished")
g = counting()
next(g)
cycle = [g]
cycle.append(cycle)
del g, cycle
gc.collect()
print("end")
