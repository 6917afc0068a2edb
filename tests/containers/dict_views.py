d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
print(len(k), len(v), len(i))
print(list(k), list(v), list(i))
print("a" in k, "z" in k, 2 in v, 9 in v, ("a", 1) in i, ("a", 2) in i, "a" in i)
d["d"] = 4
del d["a"]
print(k, v, i)
print(list(reversed(k)), list(reversed(v)), list(reversed(i)), list(reversed(d)))
print(type(k).__name__, type(v).__name__, type(i).__name__)
print(type(iter(k)).__name__, type(iter(i)).__name__, type(reversed(d)).__name__)
print(bool({}.keys()), bool(k), {}.items())
for key, val in d.items():
    print(key, val)
e = {}
print(e.keys(), e.values(), e.items())
