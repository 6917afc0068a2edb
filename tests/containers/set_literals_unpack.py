a = [3, 1, 2]
b = (2, 5)
print({*a, *b}, {*a, 9, *b, 0})
print({x * 2 for x in range(10) if x % 3})
print({c for c in "mississippi"})
print({(i, j) for i in range(3) for j in range(2)})
try:
    print({*a, *5})
except TypeError as e:
    print("TypeError:", e)
try:
    {x for x in [[1]]}
except TypeError as e:
    print("TypeError:", e)
x = 3
print(x in {1, 2, 3}, x not in {4, 5}, "b" in {"a", "b"})
for item in {10, 3, 7}:
    print(item)
