# select.select and select.poll on pipes: readiness, ordering, timeouts, errors.
import os
import select


def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)


r, w = os.pipe()
print(select.select([r], [w], [], 0) == ([], [w], []))
os.write(w, b"x")
print(select.select([r], [w], [r], 0) == ([r], [w], []))
print(select.select((r,), [], [], None) == ([r], [], []))


class Wrapper:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd


wr = Wrapper(r)
ready, _, _ = select.select([wr, r], [], [], 0.5)
print(ready[0] is wr, len(ready))

p = select.poll()
p.register(w, select.POLLOUT)
p.register(r)
print([(fd == w, ev) for fd, ev in p.poll(0)])
p.modify(w, select.POLLIN)
print([(fd == r, ev) for fd, ev in p.poll(1.5)])
p.unregister(w)
os.read(r, 1)
print(p.poll(0))
os.close(w)
print([(fd == r, ev) for fd, ev in p.poll()])

attempt(select.select, [], [], [], -1)
attempt(select.select, [], [], [], "x")
attempt(select.select, [], [], [], 2**70)
attempt(select.select, [], [], [], float("nan"))
attempt(select.select, [-1], [], [], 0)
attempt(select.select, ["x"], [], [], 0)
attempt(select.select, 5, [], [], 0)
attempt(select.select, [2**100], [], [], 0)
attempt(select.select, [r] * 2000, [], [], 0)
attempt(select.select, [Wrapper("a")], [], [], 0)
attempt(select.poll, 1)
attempt(p.register, -1)
attempt(p.register, "x")
attempt(p.register, 1, 2**20)
attempt(p.register, 1, -1)
attempt(p.unregister, 55)
attempt(p.modify, 55, 1)
attempt(p.poll, "x")
attempt(p.poll, float("nan"))
print(select.error is OSError, select.POLLIN, select.POLLNVAL, select.PIPE_BUF)
print(type(p).__name__, type(p).__module__)
