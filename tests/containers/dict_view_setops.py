d = {1: "a", 2: "b", 3: "c"}
k = d.keys()
print(k | {4}, {4} | k, k & {1, 2, 9}, {1, 9} & k)
print(k - {1}, {1, 5} - k, k ^ {3, 4}, {3, 4} ^ k)
print(k == {1, 2, 3}, {1, 2, 3} == k, k != {1}, k < {1, 2, 3, 4}, k >= {1})
print(d.items() & {(1, "a"), (2, "x")}, d.items() | {(9, "z")})
print(d.items() == {(1, "a"), (2, "b"), (3, "c")})
e = {2: 0, 3: 0, 5: 0}
print(k & e.keys(), k | e.keys(), k - e.keys(), k ^ e.keys())
print(k.isdisjoint([7, 8]), k.isdisjoint({3}), d.items().isdisjoint([(1, "a")]))
print(k | [10, 11], k & (1, 3))
print(d.values() == d.values())
try:
    k | 1
except TypeError as e:
    print("TypeError:", e)
