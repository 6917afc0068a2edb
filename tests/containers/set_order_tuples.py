print({(1, 2), (2, 1), (0, 0), (3, 4)})
pts = set()
for x in range(4):
    for y in range(3):
        pts.add((x, y))
print(pts)
print({(1, "a"), ("a", 1), (), (None,), ((1, 2), 3)})
print(set([(i, -i) for i in range(10)]))
print({frozenset({1}), frozenset({1, 2}), frozenset()})
