# _functools: reduce (with initial, errors) and cmp_to_key's KeyWrapper.
import _functools as f
def t(fn):
    try: print(repr(fn()))
    except Exception as e: print(type(e).__name__, e)
import operator
t(lambda: f.reduce(operator.add, [1, 2, 3])); t(lambda: f.reduce(operator.add, [], 5)); t(lambda: f.reduce(operator.add, []))
t(lambda: f.reduce(operator.add, 5)); t(lambda: f.reduce(operator.add)); t(lambda: f.reduce(operator.add, [1], 2, 3)); t(lambda: f.reduce(operator.add, [1, 2], initial=10))
t(lambda: f.reduce(lambda a, b: a * b, range(1, 6), 1)); t(lambda: f.reduce(operator.add, 'abc'))
K = f.cmp_to_key(lambda a, b: (a > b) - (a < b))
t(lambda: sorted([3, 1, 2], key=K)); t(lambda: type(K(1)).__name__); t(lambda: K(1) < K(2)); t(lambda: K(1) == K(1)); t(lambda: K(1) >= K(2))
t(lambda: K(1).obj); t(lambda: K(1) < 5); t(lambda: f.cmp_to_key()); t(lambda: K()); t(lambda: K(1, 2)); t(lambda: f.cmp_to_key(mycmp=len)(3).obj)
t(lambda: type(K).__name__)
