print(sorted([5, 2, 9]), sorted([5, 2, 9], reverse=True), sorted("hello"), sorted({3, 1, 2}))
print(sorted({"b": 1, "a": 2}.items()), sorted([-3, 1, 2], key=abs))
print(min([3, 1, 2]), max([3, 1, 2]), min(3, 1, 2), max("abc"), min([], default=0))
print(max([("a", 2), ("b", 1)], key=lambda p: p[1]), min({5, 3, 8}))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101)))
print(sum([1, 2], start=5), sum(()), sum([True, True]))
tests = [lambda: sum([1], 2, 3), lambda: min(), lambda: max([]), lambda: min(1), lambda: sorted(),
         lambda: sorted([1], None), lambda: sorted([1, "a"]), lambda: sum(["a", "b"], ""),
         lambda: max(1, 2, default=0), lambda: sum()]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
