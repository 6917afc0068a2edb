# Async generators driven by hand: __anext__/asend awaitables finish with the
# yielded value (StopIteration), awaits inside pass through to the driver, and the
# end of the generator is StopAsyncIteration.

class Pause:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        got = yield ("pause", self.tag)
        return got


async def ticker(n):
    for i in range(n):
        reply = await Pause(i)
        received = yield (i, reply)
        print("  ticker received", received)
    print("  ticker done")


def drive(awaitable, reply="r"):
    """Run one awaitable to its end, answering pauses with `reply`."""
    value = None
    try:
        while True:
            request = awaitable.send(value)
            print("  pass-through:", request)
            value = reply
    except StopIteration as e:
        return ("value", e.value)
    except StopAsyncIteration:
        return ("stop",)


g = ticker(2)
print(type(g).__name__, repr(g).split(" at ")[0], g.__qualname__)
print(g.__aiter__() is g, g.ag_running, g.ag_suspended, g.ag_await, g.ag_code.co_name)
a = g.__anext__()
print(type(a).__name__, a.__await__() is a, iter(a) is a)
print(drive(a))
print("after first:", g.ag_suspended, g.ag_frame is not None)
print(drive(g.asend("hello")))
print(drive(g.asend("world")))
print(drive(g.__anext__()))
print("finished:", g.ag_frame, g.ag_suspended)


async def simple():
    yield 1
    yield 2

s = simple()
print([drive(s.__anext__()) for _ in range(3)])


async def agen_with_return():
    yield "only"
    return

r = agen_with_return()
print(drive(r.__anext__()), drive(r.__anext__()))


async def empty():
    return
    yield

print(drive(empty().__anext__()))


async def stop_async_inside():
    yield 1
    raise StopAsyncIteration("inside")

sa = stop_async_inside()
print(drive(sa.__anext__()))
try:
    drive(sa.__anext__())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


async def stop_iteration_inside():
    raise StopIteration("x")
    yield

try:
    drive(stop_iteration_inside().__anext__())
except RuntimeError as e:
    print("RuntimeError:", e)
