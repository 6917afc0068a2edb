s = {1, 2}
tests = [
    lambda: s.remove(3),
    lambda: set().pop(),
    lambda: s.add([1]),
    lambda: {[1, 2]},
    lambda: [] in s,
    lambda: s.discard({}),
    lambda: s.remove({1, 2}),
    lambda: set(1),
    lambda: set([1], [2]),
    lambda: set(a=1),
    lambda: frozenset(x=2),
    lambda: s.add(),
    lambda: s.union(5),
    lambda: s.update(None),
    lambda: s.isdisjoint(),
    lambda: set.add(frozenset(), 1),
    lambda: hash(s),
    lambda: {{1}},
    lambda: s.issubset(1),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
print(frozenset({1, 2}) in {frozenset({1, 2})}, {1, 2} in {frozenset({1, 2})})
