tests = [lambda: round(), lambda: round(1.5, "a"), lambda: round("a"), lambda: round(float("inf")),
         lambda: round(float("nan")), lambda: round(1, 2, 3), lambda: round(1e308, -400), lambda: round([1])]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
