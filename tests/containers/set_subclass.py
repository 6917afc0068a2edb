class S(set):
    pass
class F(frozenset):
    pass
s = S([3, 1])
print(s, repr(S()), type(s).__name__, isinstance(s, set))
print(s | {5}, type(s | {5}).__name__, type(s.copy()).__name__)
f = F([1, 2])
print(f, type(f).__name__, type(f & {1}).__name__, F() == frozenset())
s.add(9)
print(len(s), 9 in s, sorted(s))
class Tagged(set):
    def __repr__(self):
        return "Tagged" + str(sorted(self))
print(Tagged([2, 1]), [Tagged([3])])
