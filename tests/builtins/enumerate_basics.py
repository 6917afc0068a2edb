print(list(enumerate("abc")))
print(list(enumerate("abc", 1)), list(enumerate("ab", start=-5)))
print(list(enumerate([], 3)), list(enumerate(range(3), 2**70)))
e = enumerate([10, 20])
print(next(e), next(e), next(e, "end"))
print(type(e).__name__, iter(e) is e)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
print(dict(enumerate("xy")))
tests = [lambda: enumerate(), lambda: enumerate(1), lambda: enumerate([], 1, 2),
         lambda: enumerate([], start="a"), lambda: enumerate([], x=1)]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
