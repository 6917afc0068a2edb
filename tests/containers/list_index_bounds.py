l = [1, 2, 3, 1, 2, 3]
print(l.index(1), l.index(1, 1), l.index(3, -1), l.index(2, -5, -3))
print(l.index(3, 0, 100), l.index(1, -100))
for args in [(1, 4, 3), (3, 0, 2), (2, 5), (9,), (1, 10**30)]:
    try:
        print(l.index(*args))
    except ValueError as e:
        print("ValueError:", e)
try:
    l.index(1, "a")
except TypeError as e:
    print("TypeError:", e)
try:
    l.index(1, None)
except TypeError as e:
    print("TypeError:", e)
t = (1, 2, 3, 2)
print(t.index(2), t.index(2, 2), t.count(2), t.count(7))
try:
    t.index(2, 0, 1)
except ValueError as e:
    print("ValueError:", e)
