r = range(0, 20, 3)
print(r.index(9), r.count(9), r.count(10), r.count(-3), 9 in r)
print(range(10, 0, -2).index(4), range(5).count(2.0), range(5).index(3.0), range(5).count(True))
for args in [(10,), (1.5,), ("a",)]:
    try:
        print(r.index(*args))
    except ValueError as e:
        print("ValueError:", e)
print(r.start, r.stop, r.step, len(r), r[2], r[-1])
print(range(0) == range(5, 5), range(0, 3) == range(3), range(1, 10, 2) == range(1, 11, 2))
try:
    r.index()
except TypeError as e:
    print("TypeError:", e)
print(list(range(-5, 5, 4)), bool(range(0)), bool(range(1)))
