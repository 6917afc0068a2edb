# An uncaught exception raised three awaits deep: the traceback lists every
# coroutine frame, and the driver's frame, as CPython prints them.

class Pause:
    def __await__(self):
        yield


async def leaf(n):
    await Pause()
    return 10 // n


async def middle(n):
    value = await leaf(n)
    return value + 1


async def top():
    total = 0
    for n in (2, 1, 0):
        total += await middle(n)
    return total


def run(coro):
    while True:
        coro.send(None)


try:
    run(top())
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)

run(top())
