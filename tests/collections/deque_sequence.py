# deque as a sequence: indexing, search, insert/remove, rotate, reverse.
from _collections import deque

d = deque('abcde')
print(d[0], d[-1], d[2], 'c' in d, 'z' in d)
d[1] = 'B'; del d[0]; print(d)
print(d.index('d'), d.index('d', 1), d.index('d', -3, 5), d.count('e'))
d.insert(0, 'S'); d.insert(100, 'E'); d.insert(-1, 'm'); print(d)
d.remove('m'); print(d)
d.rotate(); print(d)
d.rotate(-2); print(d)
d.rotate(13); print(d)
d.reverse(); print(d)
print(list(reversed(d)), list(iter(d)))
full = deque([1, 2], 2)
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: full.insert(0, 3))
show(lambda: d[10])
show(lambda: d[-10])
show(lambda: d['x'])
show(lambda: d[1:2])
show(lambda: d.remove('nope'))
show(lambda: d.index('nope'))
show(lambda: deque([1, 2, 3]).index(2, 0, 1))
show(lambda: d.rotate('x'))
show(lambda: d.count())
show(lambda: deque.append(1, 2))
show(lambda: deque([1, 2])[True])
class Idx:
    def __index__(self):
        return 1
show(lambda: deque('xyz')[Idx()])
