# deque operators: comparisons, +, *, copies, repr recursion, mutation checks.
from _collections import deque

a, b = deque([1, 2, 3]), deque([1, 2, 4])
print(a == b, a != b, a < b, a <= b, a > b, a >= b, a == deque([1, 2, 3]))
print(deque([1]) < deque([1, 2]), deque() == deque(), a == [1, 2, 3])
print(a + b, a * 2, 2 * a, a * 0, a * -1)
c = deque([1, 2], 3)
print(c * 3, c + deque([7, 8]))
c += [5, 6]; print(c)
c *= 2; print(c)
x = deque(); x.append(x); print(x)
y = deque([1]); y.append([y]); print(y)
print(a.__copy__(), a.copy(), a.__copy__() is a)
print(deque[int])
class D(deque):
    pass
d = D([1, 2], 5)
print(d, type(d.copy()).__name__, d.copy(), type(d + d).__name__)
r = a.__reduce__()
print(r[0].__name__, r[1], r[2], list(r[3]))
print(c.__reduce__()[1])
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: a + [1])
show(lambda: a * 'x')

m = deque([1, 2, 3])
it = iter(m)
print(next(it))
m.append(4)
show(lambda: next(it))
show(lambda: next(it))
class Bad:
    def __eq__(self, other):
        m.append(9)
        return False
show(lambda: Bad() in m)
show(lambda: m.count(Bad()))
show(lambda: m.remove(Bad()))
it = iter(deque('abc'))
print(it.__length_hint__(), next(it), it.__length_hint__(), it.__reduce__()[1])
print(type(iter(deque())).__name__, type(reversed(deque())).__name__)
