# Calling bound method objects (stored, then called): the function gets `self` in
# the slot the call left free, with the same results and errors as any call.


class C:
    def __init__(self, base):
        self.base = base

    def add(self, x, y=10):
        return self.base + x + y

    def star(self, *args, **kwargs):
        return (self.base, args, sorted(kwargs.items()))

    def rec(self, n):
        return 0 if n == 0 else 1 + self.rec(n - 1)

    @classmethod
    def cm(cls, x):
        return (cls.__name__, x)

    @staticmethod
    def sm(x):
        return x * 2


c = C(5)
m = c.add
print(m(1), m(1, 2), m(y=3, x=4))
total = 0
for i in range(1000):
    total += m(i)
print(total)
s = c.star
print(s(), s(1, 2), s(1, k=2))
print(C.cm(3), c.cm(4), C.sm(5), c.sm(6))
bound_cm = c.cm
print(bound_cm(7))
try:
    m()
except TypeError as e:
    print("TypeError:", e)
try:
    m(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    m(1, z=2)
except TypeError as e:
    print("TypeError:", e)
append = [].append
append(1)
print(append.__self__)
r = c.rec
print(r(50))
try:
    r(100000)
except RecursionError as e:
    print("RecursionError:", e)


def outer():
    return inner_ref(3)


class D:
    def boom(self, x):
        return 1 / x


inner_ref = D().boom
try:
    inner_ref(0)
except ZeroDivisionError as e:
    import traceback
    print("".join(traceback.format_exception(e)).replace(__file__, "FILE"))
print(outer())
