# The aiter() and anext() built-ins, anext's default, and their errors.

def run(coro):
    try:
        while True:
            print("  loop got", coro.send(None))
    except StopIteration as e:
        return e.value


class Pause:
    def __await__(self):
        yield "tick"


async def agen():
    yield "a"
    await Pause()
    yield "b"


class Manual:
    def __init__(self):
        self.left = 2
    def __aiter__(self):
        return self
    async def __anext__(self):
        if not self.left:
            raise StopAsyncIteration
        self.left -= 1
        return self.left


async def main():
    g = agen()
    it = aiter(g)
    print("  aiter is self:", it is g)
    results = [await anext(it), await anext(it)]
    results.append(await anext(it, "default"))
    results.append(await anext(it, None))
    try:
        await anext(it)
    except StopAsyncIteration:
        results.append("StopAsyncIteration")
    m = aiter(Manual())
    results += [await anext(m), await anext(m, "x"), await anext(m, "x")]
    return results

print(run(main()))

aw = anext(agen(), "d")
print(type(aw).__name__, aw.__await__() is aw, iter(aw) is aw)
try:
    aw.send(None)
except StopIteration as e:
    print("anext_awaitable ->", e.value)

dflt = anext(Manual(), "fallback")
try:
    next(dflt)
except StopIteration as e:
    print("next on anext_awaitable ->", e.value)


class NotAsync:
    pass

class BadAiter:
    def __aiter__(self):
        return 5

for call in [lambda: aiter(1), lambda: aiter(NotAsync()), lambda: aiter(BadAiter()),
             lambda: anext(1), lambda: anext([]), lambda: anext(), lambda: aiter(),
             lambda: anext(Manual(), 1, 2)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


async def exhausted():
    return
    yield

async def use_default():
    return await anext(exhausted(), "empty")

print(run(use_default()))
