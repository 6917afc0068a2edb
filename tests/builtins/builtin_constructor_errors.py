tests = [lambda: set([1], [2]), lambda: frozenset(1), lambda: list(1, 2), lambda: tuple(5),
         lambda: dict([("a",)]), lambda: range(), lambda: range(1, 2, 0), lambda: enumerate(None),
         lambda: zip(None), lambda: map(None, None), lambda: reversed(None), lambda: iter(None)]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
