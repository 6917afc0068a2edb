# list, tuple, dict, set and frozenset special methods as attributes.
l = [3, 1, 2]
print(l.__len__(), l.__getitem__(0), l.__getitem__(slice(1, None)), l.__contains__(2))
l.__setitem__(0, 9); l.__delitem__(1); print(l)
print(l.__iadd__([7]), l, l.__imul__(2), l.__add__([0]), l.__mul__(2), [1].__rmul__(3))
list.__init__(l, 'ab'); print(l)
list.__init__(l); print(l)
print(list.__eq__([1], [1]), list.__lt__([1], [2]), list.__eq__([1], (1,)), list.__hash__)
print(list(reversed([1, 2])), list(list.__iter__([4, 5])))
t = (1, 2)
print(t.__len__(), t.__getitem__(-1), t.__add__((3,)), t.__mul__(2), t.__contains__(2))
print(tuple.__hash__(t) == hash(t), tuple.__eq__(t, (1, 2)), tuple.__lt__(t, (1, 3)))
d = {'a': 1}
print(d.__len__(), d.__getitem__('a'), d.__contains__('a'), d.__contains__('z'))
d.__setitem__('b', 2); d.__delitem__('a'); print(d)
dict.__init__(d, [('c', 3)], e=5); print(d)
print(d.__or__({'z': 0}), {'x': 1}.__ior__({'y': 2}), dict.__eq__({}, {}), dict.__or__({}, 1))
s = {1, 2}
print(s.__len__(), s.__contains__(1), s.__or__({3}), s.__and__({2}), s.__sub__({1}), s.__xor__({5}))
print(s.__ior__({9}), s, s.__isub__({9}), set.__eq__(s, {1, 2}), set.__le__(s, {1, 2, 3}))
set.__init__(s, [7]); print(s)
f = frozenset([1, 2])
print(f.__contains__(2), f.__or__({3}) == frozenset({1, 2, 3}), frozenset.__hash__(f) == hash(f))
print(set.__or__({1}, [2]), frozenset.__len__(f))
for bad in [lambda: l.__getitem__(99), lambda: d.__getitem__('nope'), lambda: (1,).__add__([2])]:
    try:
        bad()
    except (IndexError, KeyError, TypeError) as e:
        print(type(e).__name__, e)
