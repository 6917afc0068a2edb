# defaultdict: __missing__, default_factory, repr, copy, |, reduce.
from _collections import defaultdict

d = defaultdict(list)
d['a'].append(1); d['b'].append(2); d['a'].append(3)
print(d, d.default_factory, isinstance(d, dict), type(d).__name__)
print(d['zz'], len(d), 'q' in d, d.get('q'))
n = defaultdict(None, {'x': 1})
try:
    n['y']
except KeyError as e:
    print('KeyError', e)
print(defaultdict(), defaultdict(int, a=1), defaultdict(int, [('b', 2)]))
c = defaultdict(int)
for ch in 'mississippi':
    c[ch] += 1
print(sorted(c.items()))
e = d.copy(); e['a'].append(99)
print(type(e).__name__, e, d.__copy__() == d)
print(d | {'c': [4]}, {'c': [4]} | defaultdict(set, {'k': 1}))
r = defaultdict(int, {'q': 1}).__reduce__()
print(r[0].__name__, r[1], r[2], r[3], list(r[4]))
print(defaultdict().__reduce__()[1])
d.default_factory = set
print(d['new'], d.default_factory)
rec = defaultdict(list); rec.default_factory = rec.copy
print(repr(defaultdict(lambda: 0)).startswith('defaultdict(<function <lambda>'))
class Sub(defaultdict):
    pass
s = Sub(str, {1: 'a'})
print(s, s[2] == '', type(s.copy()).__name__)
try:
    defaultdict(5)
except TypeError as e:
    print('TypeError', e)
