# Coroutines driven by hand: send(None) until StopIteration, values passed through
# awaits, return values, and the coroutine object's attributes.

class Future:
    """An awaitable that asks the driver for a value."""
    def __init__(self, request):
        self.request = request

    def __await__(self):
        reply = yield self.request
        return reply


async def ask(question):
    answer = await Future(question)
    return f"{question}={answer}"


async def main():
    a = await ask("a")
    b = await ask("b")
    return [a, b]


def run(coro, replies):
    """Drive `coro`, answering each request from `replies`."""
    value = None
    try:
        while True:
            request = coro.send(value)
            print("request:", request)
            value = replies[request]
    except StopIteration as stop:
        return stop.value


print(run(main(), {"a": 1, "b": 2}))

c = main()
print(type(c).__name__, repr(c).split(" at ")[0])
print(c.__name__, c.__qualname__, c.cr_code.co_name)
print("created:", c.cr_running, c.cr_suspended, c.cr_await, c.cr_frame is not None)
print(c.send(None))
print("suspended:", c.cr_running, c.cr_suspended, type(c.cr_await).__name__)
print(c.cr_frame.f_code.co_name, c.cr_origin)
print(c.send(10))
try:
    c.send(20)
except StopIteration as e:
    print("returned", e.value, e.args)
print("done:", c.cr_frame, c.cr_suspended, c.cr_await)


async def returns_tuple():
    return (1, 2)

try:
    returns_tuple().send(None)
except StopIteration as e:
    print(e.value, e.args)


async def returns_none():
    pass

try:
    returns_none().send(None)
except StopIteration as e:
    print(e.value, e.args)


class Box:
    async def method(self, x):
        return x * 2

b = Box().method(21)
print(b.__qualname__)
try:
    b.send(None)
except StopIteration as e:
    print(e.value)
