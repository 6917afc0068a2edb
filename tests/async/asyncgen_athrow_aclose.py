# athrow() and aclose() on async generators, including cleanup that awaits, the
# "already running" and "cannot reuse" errors, and ignored GeneratorExit.

class Pause:
    def __await__(self):
        got = yield "pause"
        return got


def drive(awaitable):
    try:
        while True:
            print("  pass-through:", awaitable.send(None))
    except StopIteration as e:
        return ("value", e.value)
    except StopAsyncIteration:
        return ("stop",)
    except Exception as e:
        return ("error", type(e).__name__, str(e))


async def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("  caught", repr(e))
        yield "recovered"
    finally:
        print("  cleanup awaits")
        await Pause()
        print("  cleanup done")


g = guarded()
print(drive(g.__anext__()))
print(drive(g.athrow(ValueError("bad"))))
print(drive(g.athrow(KeyError("k"))))
print(drive(g.__anext__()))

g = guarded()
print(drive(g.__anext__()))
print("aclose:", drive(g.aclose()))
print("again:", drive(g.aclose()))
print("anext after close:", drive(g.__anext__()))

g = guarded()
print("aclose unstarted:", drive(g.aclose()), g.ag_frame)
print("athrow closed:", drive(g.athrow(ValueError)))


async def ignores_exit():
    try:
        yield 1
    except GeneratorExit:
        yield "no"

ig = ignores_exit()
print(drive(ig.__anext__()))
print(drive(ig.aclose()))


a = guarded()
print(drive(a.__anext__()))
print(drive(a.asend(None)))
other = a.__anext__()
print(drive(other))
print("reuse:", drive(other))
print("reuse aclose:", drive(a.aclose()))


async def waits_forever():
    await Pause()
    yield "never"

w = waits_forever()
step = w.__anext__()
print(step.send(None))
print("second anext:", drive(w.__anext__()))
print("athrow while running:", drive(w.athrow(ValueError)))
print("aclose while running:", drive(w.aclose()))
try:
    step.throw(KeyError("into step"))
except KeyError as e:
    print("propagated", repr(e))
print(w.ag_running, drive(w.__anext__()))
