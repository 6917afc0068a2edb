# Subclasses overriding special methods and deferring to the base through super().
class L(list):
    def __init__(self, items):
        super().__init__(items)
        self.inited = True
    def __getitem__(self, i):
        return ('L', super().__getitem__(i))
    def __len__(self):
        return super().__len__() * 10
    def __eq__(self, other):
        return super().__eq__(other)
    def __contains__(self, x):
        return super().__contains__(x) or x == 'any'
l = L([1, 2])
print(l[0], len(l), l == [1, 2], l != [1], 'any' in l, 1 in l, l.inited)
class I(int):
    def __add__(self, other):
        return I(super().__add__(other) + 100)
    def __repr__(self):
        return 'I(' + super().__repr__() + ')'
    def __hash__(self):
        return super().__hash__() + 1
print(I(1) + 2, repr(I(5)), hash(I(5)), 2 + I(1))
class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
    def __getitem__(self, k):
        return super().__getitem__(k) + 1
d = D()
d['a'] = 5
print(d['a'], dict.__getitem__(d, 'a'), d)
class P:
    def __init__(self, x):
        super().__init__()
        self.x = x
    def __eq__(self, other):
        return super().__eq__(other)
    def __repr__(self):
        return 'P' + str(self.x)
    def __setattr__(self, name, value):
        super().__setattr__(name, value + 1 if name == 'x' else value)
p = P(1)
print(p, p.x, p == p, p == P(1), p.__eq__(P(1)))
class S(str):
    def __str__(self):
        return 'S:' + super().__str__()
    def __len__(self):
        return super().__len__() + 1
print(str(S('ab')), len(S('ab')))
