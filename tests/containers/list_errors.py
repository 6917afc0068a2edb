l = [1, 2, 3]
tests = [
    lambda: l.index(5),
    lambda: l.index(),
    lambda: l.pop(5),
    lambda: [].pop(),
    lambda: l.pop("a"),
    lambda: l.insert(1),
    lambda: l.remove(9),
    lambda: l.count(),
    lambda: l.append(1, 2),
    lambda: l.sort(1),
    lambda: l.sort(key=1),
    lambda: l.sort(foo=1),
    lambda: l.extend(1),
    lambda: l.copy(1),
    lambda: l.reverse(1),
    lambda: list.append((), 1),
    lambda: [3, "a"].sort(),
    lambda: (1, 2).index(3),
    lambda: (1, 2).count(),
    lambda: (1,).index(),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
print(l)
