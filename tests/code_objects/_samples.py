# Functions with varied control flow, used by the code-object tests.
def simple(a, b=2):
    return a + b


def branches(x):
    if x > 3:
        y = x * 2
    elif x < -3:
        y = -x
    else:
        y = 0
    while y > 10:
        y //= 2
    return y


def handlers(a):
    try:
        y = 1 / a
    except ZeroDivisionError as e:
        y = None
    except (TypeError, ValueError):
        raise
    else:
        y += 1
    finally:
        a = 0
    return y


def comprehensions(data):
    squares = [d * d for d in data if d]
    table = {k: v
             for k, v in zip(data, squares)}
    total = sum(x for x in data)
    return squares, table, total


def generator(n):
    for i in range(n):
        received = yield i
        if received:
            yield from range(received)


class Manager:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def with_blocks(items):
    with Manager() as m, Manager():
        for item in items:
            m.last = item
    return m


def long_lines(value):
    result = (value
              + 1
              - 2) * (value
                      or 3)
    text = f"{value!r:>10} and {result}"
    return {"value": value, "result": result,
            "text": text}[
        "text"]


async def coroutine(x):
    await x
    async with x as y:
        async for z in y:
            return z


def closures(a):
    def inner(b):
        nonlocal a
        a += b
        return a
    return inner


def matcher(point):
    match point:
        case (0, 0):
            return "origin"
        case (x, 0) | (0, x):
            return f"axis {x}"
        case {"x": x, **rest} if rest:
            return x
        case _:
            return None


# `matcher`, lambdas and methods are left out until adder's compiler gives them
# CPython's positions and CO_METHOD flag.
SAMPLES = [simple, branches, handlers, comprehensions, generator, with_blocks,
           long_lines, coroutine, closures]


def all_code(code):
    """The code object and every code object nested in its constants."""
    yield code
    for const in code.co_consts:
        if hasattr(const, "co_code"):
            yield from all_code(const)
