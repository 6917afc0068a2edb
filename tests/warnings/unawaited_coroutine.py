# "coroutine '...' was never awaited": a RuntimeWarning through the warnings module,
# naming the line where the coroutine was dropped.
import warnings

async def co():
    pass

co()

def drop_in_function():
    c = co()
    del c

drop_in_function()

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    co()
print([str(w.message) for w in caught], [w.category.__name__ for w in caught])

class Holder:
    async def method(self):
        pass

Holder().method()

async def awaited():
    return 1

c = awaited()
try:
    c.send(None)
except StopIteration as e:
    print("finished", e.value)
del c
print("end")
