print(list(zip([1, 2, 3], "abc")))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])))
print(list(zip(range(3), range(10, 13), range(20, 30))))
z = zip([1, 2], [3, 4])
print(next(z), type(z).__name__, iter(z) is z)
print(dict(zip("abc", range(3))))
a, b = zip(*[(1, "x"), (2, "y")])
print(a, b)
for t in [lambda: zip(1), lambda: zip([1], 2), lambda: zip(strict=1, x=2), lambda: zip([], bad=1)]:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__, e)
