# star-unpacking in list/tuple/set/dict displays and assignments
a = [1, 2]
b = (3, 4)
print([*a, *b, 5])
print((*a, *b))
print({*a, *b, 1})
print([*"hi", *range(2)])
d1 = {"x": 1}
d2 = {"y": 2, "x": 10}
print({**d1, **d2})
print({**d1, "z": 3, **d2})
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "abc"
print(init, last)
x, *mid, y = range(5)
print(x, mid, y)
(p, q), *others = [(1, 2), 3, 4]
print(p, q, others)
try:
    [*5]
except TypeError as e:
    print("TypeError:", e)
try:
    {**[1, 2]}
except TypeError as e:
    print("TypeError:", e)
try:
    a1, *b1, c1 = [1]
except ValueError as e:
    print("ValueError:", e)
print(*[1, 2], *[3], sep=",")
