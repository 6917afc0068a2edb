# Asynchronous comprehensions of every kind, `await` inside comprehensions, async
# generator expressions, nesting, and the scoping of their variables.

def run(coro):
    try:
        while True:
            print("  loop got", coro.send(None))
    except StopIteration as e:
        return e.value


class Value:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        yield f"await {self.v}"
        return self.v


async def agen(n):
    for i in range(n):
        yield i


async def main():
    x = "outer x"
    lists = [x async for x in agen(4)]
    evens = [x async for x in agen(6) if x % 2 == 0]
    sets = {x % 3 async for x in agen(7)}
    dicts = {x: x * x async for x in agen(3)}
    awaited = [await Value(i) for i in range(2)]
    both = [await Value(x) async for x in agen(2) if await Value(x > 0)]
    nested = [[y async for y in agen(x)] async for x in agen(3)]
    product = [(a, b) async for a in agen(2) for b in "xy"]
    inner_async = [(a, b) for a in "pq" async for b in agen(2)]
    gen = (x * 10 async for x in agen(3))
    from_gen = [v async for v in gen]
    await_gen = (await Value(i) for i in range(2))
    print("  types:", type(gen).__name__, type(await_gen).__name__)
    from_await_gen = [v async for v in await_gen]
    return [x, lists, evens, sorted(sets), dicts, awaited, both, nested,
            product, inner_async, from_gen, from_await_gen]

for item in run(main()):
    print(item)


def sync_function_makes_async_genexpr(n):
    return (i async for i in agen(n))

async def consume():
    return [i async for i in sync_function_makes_async_genexpr(3)]

print(run(consume()))


async def failing():
    return [1 // x async for x in agen(3)]

try:
    run(failing())
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


class Holder:
    async def collect(self):
        return {k: v async for k, v in self.pairs()}
    async def pairs(self):
        yield "a", 1
        yield "b", 2

print(run(Holder().collect()))

for source in ["def f():\n    return [x async for x in y]\n",
               "def f():\n    return [await x for x in y]\n",
               "def f():\n    return [[x async for x in y] for z in w]\n",
               "def f():\n    return (await x for x in y)\n",
               "async def f():\n    return [[x async for x in y] for z in w]\n"]:
    try:
        compile(source, "<src>", "exec")
        print("compiles")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.offset)
