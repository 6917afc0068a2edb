# deque: construction, appends and pops at both ends, maxlen trimming.
from _collections import deque

d = deque([1, 2, 3])
print(d, len(d), bool(d), bool(deque()))
d.append(4); d.appendleft(0)
print(d)
print(d.pop(), d.popleft(), d)
d.extend('ab'); d.extendleft('xy')
print(d)
d.extend(d)
print(d)
b = deque(range(10), maxlen=3)
print(b, b.maxlen)
b.append(10); print(b)
b.appendleft(-1); print(b)
b.extend([20, 21]); print(b)
b.extendleft([30, 31]); print(b)
z = deque([1, 2], maxlen=0)
z.append(3); print(z, len(z))
print(deque(maxlen=None, iterable=[3]))
print(deque().maxlen, deque('abc', 5).maxlen)
d = deque('abc'); d.__init__('xy'); print(d)
d.clear(); print(d, len(d))
for bad in [lambda: deque().pop(), lambda: deque().popleft(),
            lambda: deque(maxlen=-1), lambda: deque([], 'a'),
            lambda: deque(1), lambda: deque(a=1), lambda: deque([], 1, 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
