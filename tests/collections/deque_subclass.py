# Subclasses of deque and defaultdict: overridden methods, __init__, attributes, repr.
from _collections import deque, defaultdict

class Stack(deque):
    def __init__(self, items=(), name='s'):
        super().__init__(items, maxlen=4)
        self.name = name
    def push(self, x):
        self.append(x)
        return self
    def __repr__(self):
        return f'Stack<{self.name}>' + super().__repr__()
s = Stack([1, 2], name='a')
s.push(3).push(4).push(5)
print(s, s.maxlen, len(s), s.name, isinstance(s, deque))
print(list(s), s[0], s[-1], 5 in s)
c = s.copy()
print(type(c).__name__, c.maxlen)
class Plain(deque):
    pass
p = Plain('abc')
p.extra = 1
print(p, p.extra, Plain('xy', 1), p == deque('abc'), p + deque('d'))
r = p.__reduce__()
print(r[0].__name__, r[1], r[2], list(r[3]))
class Counting(defaultdict):
    def __missing__(self, key):
        print('missing', key)
        return super().__missing__(key)
d = Counting(int)
d['a'] += 1
d['a'] += 1
print(d, d['b'], sorted(d.items()))
class Tree(defaultdict):
    def __init__(self):
        super().__init__(Tree)
t = Tree()
t['x']['y']['z'] = 1
print(t['x']['y'], type(t['x']).__name__)
