# The errors of the await protocol and of misused coroutine objects.

def attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


def drive(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def await_value(v):
    return await v

attempt("int", lambda: drive(await_value(1)))
attempt("None", lambda: drive(await_value(None)))
attempt("list", lambda: drive(await_value([])))


class NoIterator:
    def __await__(self):
        return 42

returned_coroutine = await_value(1)

class ReturnsCoroutine:
    def __await__(self):
        return returned_coroutine

class AwaitIsNone:
    __await__ = None

class Good:
    def __await__(self):
        return iter([1, 2])

attempt("non-iterator", lambda: drive(await_value(NoIterator())))
attempt("coroutine", lambda: drive(await_value(ReturnsCoroutine())))
returned_coroutine.close()
attempt("None __await__", lambda: drive(await_value(AwaitIsNone())))
attempt("list iterator", lambda: drive(await_value(Good())))


async def simple():
    return "ok"

c = simple()
attempt("first", lambda: drive(c))
attempt("reuse", lambda: drive(c))
attempt("throw after end", lambda: c.throw(ValueError("x")))
attempt("close after end", lambda: c.close())

c = simple()
attempt("non-None to new", lambda: c.send(5))
attempt("then None", lambda: drive(c))

c = simple()
attempt("close new", lambda: c.close())
attempt("send closed", lambda: c.send(None))

c = simple()
attempt("throw into new", lambda: c.throw(KeyError("k")))
attempt("after throw", lambda: c.send(None))


class Pause:
    def __await__(self):
        yield "paused"

async def inner():
    await Pause()

async def outer(coro):
    return await coro

i = inner()
o1 = outer(i)
print(o1.send(None))
o2 = outer(i)
attempt("awaited twice", lambda: o2.send(None))
print(o1.cr_await is i, i.cr_await is not None)
o1.close()
print(i.cr_frame, i.cr_suspended)


def running():
    return c2.send(None)

async def reenter():
    return running()

c2 = reenter()
attempt("already executing", lambda: drive(c2))


async def gen_like():
    yield_from_coro = simple()
    try:
        return await yield_from_coro
    finally:
        print("finally ran")

print(drive(gen_like()))
