# throw() and close() on a coroutine suspended in an await: the exception goes to
# the awaited object first (its throw()/close(), or a generator's frame).

class GenAwaitable:
    def __await__(self):
        try:
            got = yield "gen-awaitable"
            return got
        except ValueError as e:
            print("  awaitable caught", repr(e))
            return "recovered"
        finally:
            print("  awaitable finally")


class IterWithThrow:
    def __await__(self):
        return self
    def __next__(self):
        return "iter-with-throw"
    def send(self, v):
        return "sent " + repr(v)
    def throw(self, exc):
        print("  IterWithThrow.throw", type(exc).__name__)
        raise StopIteration("from throw")
    def close(self):
        print("  IterWithThrow.close")


class IterNoThrow:
    def __await__(self):
        return self
    def __next__(self):
        return "iter-no-throw"


async def waiter(awaitable):
    try:
        result = await awaitable
        print("  waiter got", repr(result))
        return result
    except Exception as e:
        print("  waiter caught", type(e).__name__, e)
        return "caught"
    finally:
        print("  waiter finally")


def throw_in(awaitable, exc):
    c = waiter(awaitable)
    print("yielded:", c.send(None))
    try:
        print("throw gave", c.throw(exc))
    except StopIteration as e:
        print("StopIteration", repr(e.value))


for aw in [GenAwaitable(), IterWithThrow(), IterNoThrow()]:
    print(type(aw).__name__)
    throw_in(aw, ValueError("boom"))

print("close:")
for aw in [GenAwaitable(), IterWithThrow(), IterNoThrow()]:
    c = waiter(aw)
    c.send(None)
    print(type(aw).__name__, c.close(), c.cr_frame)


async def stubborn():
    try:
        await GenAwaitable()
    except GeneratorExit:
        print("  ignoring GeneratorExit")
    await IterNoThrow()

s = stubborn()
s.send(None)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
print("second close", s.close())


async def returns_in_finally():
    try:
        await IterNoThrow()
    except GeneratorExit:
        return "after GeneratorExit"

r = returns_in_finally()
r.send(None)
print("close returned", r.close())

print("send through:")
c = waiter(IterWithThrow())
print(c.send(None))
print(c.send(5))
c.close()
w = waiter(GenAwaitable()).__await__()
print(type(w).__name__, next(w), iter(w) is w)
try:
    w.send(7)
except StopIteration as e:
    print("wrapper done", e.value)
