# `async for` over async generators and hand-written async iterators: else, break,
# continue, nested loops, exceptions inside, and the protocol's TypeErrors.

def run(coro):
    try:
        while True:
            print("  loop got", coro.send(None))
    except StopIteration as e:
        return e.value


class Pause:
    def __await__(self):
        yield "tick"


class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        await Pause()
        self.n -= 1
        return self.n


async def numbers(n):
    for i in range(n):
        yield i


async def main():
    out = []
    async for x in numbers(4):
        if x == 1:
            continue
        out.append(x)
    else:
        out.append("else")
    async for x in Countdown(2):
        out.append(("c", x))
    async for x in numbers(10):
        if x == 2:
            break
        async for y in numbers(2):
            out.append((x, y))
    else:
        out.append("not reached")
    return out

print(run(main()))


async def failing_body():
    async for x in numbers(3):
        if x == 1:
            raise KeyError(x)
    return "no"

try:
    run(failing_body())
except KeyError as e:
    print("KeyError", e)


class BadNext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 42

class NoANext:
    def __aiter__(self):
        return 1

class RaisesInNext:
    def __aiter__(self):
        return self
    async def __anext__(self):
        raise ValueError("from __anext__")


async def loop_over(obj):
    async for x in obj:
        pass

for obj in [1, [1, 2], NoANext(), BadNext(), RaisesInNext()]:
    try:
        run(loop_over(obj))
    except Exception as e:
        print(type(e).__name__ + ":", e, "| cause:", repr(e.__cause__))


async def target_unpack():
    async def pairs():
        yield 1, 2
        yield 3, 4
    total = []
    async for a, b in pairs():
        total.append(a * b)
    return total

print(run(target_unpack()))
