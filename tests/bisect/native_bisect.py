# _bisect: bisect/insort with lo, hi, key; argument errors; list subclasses use insert().
import _bisect as b
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
a = [1, 2, 2, 3, 5]
t(lambda: (b.bisect_left(a, 2), b.bisect_right(a, 2), b.bisect_right(a, 2), b.bisect_left(a, 2, 2), b.bisect_right(a, 2, 0, 2)))
t(lambda: b.bisect_left(a, 2, -1)); t(lambda: b.bisect_left(a, 2, hi=-1)); t(lambda: b.bisect_left(a, 2, 0, 100)); t(lambda: b.bisect_left(a))
t(lambda: b.bisect_left(5, 2)); t(lambda: b.bisect_left(a, 'x')); t(lambda: b.bisect_left(a, 2, lo=1, key=None)); t(lambda: b.bisect_left([(1,'a'),(3,'b')], 2, key=lambda p: p[0]))
x = [1, 3]; b.insort_right(x, 2); b.insort_left(x, 3); b.insort_right(x, 0, key=None); print(x)
y = [(1,'a')]; b.insort_right(y, (0,'z'), key=lambda p: p[0]); print(y)
class L(list):
    def insert(self, i, v): print('insert', i, v); super().insert(i, v)
z = L([1, 5]); b.insort_right(z, 3); print(z)
t(lambda: b.insort_right(5, 1)); t(lambda: b.bisect_left(a, 2, 'x')); t(lambda: b.bisect_right((1, 2, 3), 2)); t(lambda: b.bisect_left(a, 2, None))
t(lambda: b.bisect_left(a, 2, foo=1))
