t = (1, "a", 2.0, "a", None, 1)
print(t.count("a"), t.count(1), t.count(2), t.count(None), t.count("zz"))
print(t.index("a"), t.index("a", 2), t.index(1, 1), t.index(None, -3))
try:
    t.index("a", 4)
except ValueError as e:
    print("ValueError:", e)
try:
    tuple.count([], 1)
except TypeError as e:
    print("TypeError:", e)
print(((1, 2), (1, 2)).count((1, 2)), ().count(0))
