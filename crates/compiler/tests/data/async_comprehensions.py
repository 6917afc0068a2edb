# Asynchronous comprehensions: every kind, inlined and not, with awaits in each part.
async def lists(ai, xs):
    a = [x async for x in ai]
    b = [x async for x in ai if await x]
    c = [x + y async for x in ai for y in xs]
    d = [x + y for x in xs async for y in ai]
    e = [await x for x in xs if x]
    return a, b, c, d, e


async def sets_and_dicts(ai, xs):
    s = {x async for x in ai if x}
    d = {k: await v async for k, v in ai}
    n = [[y async for y in ai] for x in xs]
    return s, d, n


async def generators(ai, xs):
    g = (x async for x in ai)
    h = (await x for x in xs)
    k = (x async for x in ai async for y in ai if y)
    return g, h, k


def sync_genexp(ai):
    return (x * 2 async for x in ai if x)


class C:
    async def method(self, ai):
        return [x async for x in ai], {x: x async for x in ai}


async def multiline(ai,
                    xs):
    return [
        x
        async for x in ai
        if x
    ]
