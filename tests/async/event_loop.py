# A tiny round-robin event loop over generator-based futures: tasks sleep for a
# number of ticks, wait on each other's results, and fail; no asyncio involved.

class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        yield ("sleep", self.ticks)


class Task:
    def __init__(self, loop, name, coro):
        self.loop, self.name, self.coro = loop, name, coro
        self.done = False
        self.result = None
        self.error = None
        self.waiters = []

    def __await__(self):
        if not self.done:
            yield ("wait", self)
        if self.error is not None:
            raise self.error
        return self.result


class Loop:
    def __init__(self):
        self.now = 0
        self.ready = []      # (wake_time, seq, task, value)
        self.seq = 0

    def spawn(self, name, coro):
        task = Task(self, name, coro)
        self.schedule(task, 0, None)
        return task

    def schedule(self, task, delay, value):
        self.seq += 1
        self.ready.append((self.now + delay, self.seq, task, value))

    def step(self, task, value):
        try:
            request = task.coro.send(value)
        except StopIteration as stop:
            self.finish(task, stop.value, None)
            return
        except Exception as e:
            self.finish(task, None, e)
            return
        kind, arg = request
        if kind == "sleep":
            self.schedule(task, arg, None)
        elif arg.done:
            self.schedule(task, 0, None)
        else:
            arg.waiters.append(task)

    def finish(self, task, result, error):
        task.done, task.result, task.error = True, result, error
        print(f"t={self.now} {task.name} finished:", result if error is None else repr(error))
        for w in task.waiters:
            self.schedule(w, 0, None)

    def run(self):
        while self.ready:
            self.ready.sort(key=lambda item: (item[0], item[1]))
            when, _, task, value = self.ready.pop(0)
            self.now = when
            self.step(task, value)


async def worker(name, ticks, steps):
    total = 0
    for i in range(steps):
        await Sleep(ticks)
        total += ticks
        print(f"t={loop.now} {name} step {i}")
    return total


async def failing(ticks):
    await Sleep(ticks)
    raise ValueError("worker failed")


async def supervisor():
    a = loop.spawn("a", worker("a", 2, 3))
    b = loop.spawn("b", worker("b", 3, 2))
    f = loop.spawn("f", failing(4))
    results = [await a, await b]
    try:
        await f
    except ValueError as e:
        results.append("caught " + str(e))
    return results


loop = Loop()
loop.spawn("main", supervisor())
loop.run()
print("end at", loop.now)
