print(list(map(str, [1, 2, 3])), list(map(pow, [2, 3], [3, 2])))
print(list(map(lambda a, b, c: a + b + c, [1, 2], [10, 20, 30], [100, 200])))
print(list(filter(None, [0, 1, "", "a", [], [0], None, False, True])))
print(list(filter(lambda x: x % 2, range(10))), list(filter(bool, [0, 2])))
m = map(abs, [-1, -2])
print(type(m).__name__, next(m), list(m), list(m))
f = filter(None, [1, 0, 2])
print(type(f).__name__, list(f))
seen = []
def track(x):
    seen.append(x)
    return x * 2
m = map(track, [1, 2, 3])
print(seen, next(m), seen)
for t in [lambda: map(), lambda: map(int), lambda: map(int, 1), lambda: filter(), lambda: filter(None),
          lambda: filter(None, 1), lambda: filter(None, [], 1), lambda: list(map(int, ["x"]))]:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
