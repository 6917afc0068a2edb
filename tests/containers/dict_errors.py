d = {1: 2}
tests = [
    lambda: d[[1]],
    lambda: d.get([]),
    lambda: {[]: 1},
    lambda: d.pop(5),
    lambda: {}.popitem(),
    lambda: d.get(),
    lambda: d.get(1, 2, 3),
    lambda: d.setdefault(),
    lambda: d.update(1),
    lambda: d.update([1]),
    lambda: d.update([(1, 2, 3)]),
    lambda: d.update({}, {}),
    lambda: d.keys(1),
    lambda: d.items(1),
    lambda: d.clear(1),
    lambda: d.pop(),
    lambda: d.pop(1, 2, 3),
    lambda: dict([[1, 2, 3]]),
    lambda: dict(1),
    lambda: dict({}, {}),
    lambda: d[5],
    lambda: dict.get(5, 1),
    lambda: hash(d.keys()),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
