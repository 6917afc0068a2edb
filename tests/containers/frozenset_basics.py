f = frozenset([3, 1, 2])
print(f, repr(frozenset()), len(f), 2 in f)
print(frozenset(f) is f, f.copy() is f)
d = {f: "x", frozenset(): "empty"}
print(d[frozenset({1, 2, 3})], d[frozenset()])
print({frozenset({1, 2}), frozenset({2, 1})})
nested = frozenset([frozenset([1]), frozenset([2, 3])])
print(nested)
print(frozenset("aab") == frozenset("ab"), frozenset() == set())
print(f.union([4]), f.intersection([1, 9]), f.difference({1}), f.symmetric_difference({1, 5}))
print(type(f.union([4])).__name__, type(f.copy()).__name__)
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(f, "pop"), hasattr(f, "issubset"))
