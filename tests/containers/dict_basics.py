# Dicts: literals, lookup, insertion order, overwriting, len, `in`.
d = {"one": 1, "two": 2}
print(d)
print(d["one"], d["two"])
d["three"] = 3
print(d, len(d))
d["one"] = 100
print(d)
print("two" in d, "four" in d, 1 in d)
empty = {}
print(empty, len(empty))
empty[1] = "int key"
empty[2.5] = "float key"
empty[(1, 2)] = "tuple key"
empty[None] = "none key"
empty[True] = "true overwrites 1"
print(empty)
print(empty[1], empty[(1, 2)])
counts = {}
for ch in "mississippi":
    if ch in counts:
        counts[ch] += 1
    else:
        counts[ch] = 1
print(counts)
for key in counts:
    print(key, counts[key])
print({1: "a", 1.0: "b"})
print({"k": [1, 2], "d": {"inner": (1,)}})
print({"a": 1} == {"a": 1}, {"a": 1} == {"a": 2})
squares = {}
for i in range(6):
    squares[i] = i * i
print(squares)
print({"quote": "it's", 'dq': 'say "x"'})
