# Tuple-unpacking assignment: swaps, nested targets, unpacking lists and strings.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
x, y, z = [10, 20, 30]
print(x, y, z)
p, q = "hi"
print(p, q)
(m, n), o = (1, 2), 3
print(m, n, o)
[first, second] = (7, 8)
print(first, second)
i = j = k = 0
print(i, j, k)
t = 1, 2, 3
print(t)
u, v, w = t
print(u + v + w)
a, b, c = 5, 6, 7
print(a, b, c)
data = [(1, (2, 3)), (4, (5, 6))]
for left, (mid, right) in data:
    print(left, mid, right)
items = [1, 2]
items[0], items[1] = items[1], items[0]
print(items)
d = {}
d["x"], d["y"] = "X", "Y"
print(d)
fib_a, fib_b = 0, 1
for step in range(10):
    fib_a, fib_b = fib_b, fib_a + fib_b
print(fib_a, fib_b)
