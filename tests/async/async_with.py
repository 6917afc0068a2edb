# `async with`: __aenter__/__aexit__ awaited, exceptions passed to __aexit__ and
# suppressed by a true result, several items, and the protocol errors.

def run(coro):
    try:
        while True:
            print("  loop got", coro.send(None))
    except StopIteration as e:
        return e.value


class Pause:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        yield self.tag


class Resource:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    async def __aenter__(self):
        await Pause("enter " + self.name)
        print("  enter", self.name)
        return self.name.upper()
    async def __aexit__(self, typ, exc, tb):
        await Pause("exit " + self.name)
        print("  exit", self.name, typ.__name__ if typ else None, exc)
        return self.suppress


async def main():
    async with Resource("a") as x:
        print("  body", x)
    async with Resource("b") as b, Resource("c") as c:
        print("  body", b, c)
    async with Resource("d", suppress=True):
        raise ValueError("suppressed")
    try:
        async with Resource("e"):
            raise KeyError("kept")
    except KeyError as e:
        print("  caught", repr(e))
    for i in range(3):
        async with Resource(f"loop{i}"):
            if i == 1:
                continue
            if i == 2:
                break
    return "done"

print(run(main()))


async def returns_inside():
    async with Resource("r"):
        return "returned"

print(run(returns_inside()))


class NoAenter:
    async def __aexit__(self, *a):
        pass

class NoAexit:
    async def __aenter__(self):
        pass

class SyncEnter:
    def __aenter__(self):
        return 1
    def __aexit__(self, *a):
        return 2

class SyncExit:
    async def __aenter__(self):
        return 1
    def __aexit__(self, *a):
        return 2


async def use(obj):
    async with obj:
        print("  inside")

for obj in [NoAenter(), NoAexit(), SyncEnter(), SyncExit(), object()]:
    try:
        run(use(obj))
    except TypeError as e:
        print("TypeError:", e)
