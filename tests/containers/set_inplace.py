s = {1, 2, 3}
t = s
s |= {4, 5}
print(s, t is s)
s &= {1, 2, 5, 9}
print(s, t is s)
s -= {1}
print(s, t is s)
s ^= {2, 7, 8}
print(s, t is s)
f = frozenset({1, 2})
g = f
f |= {3}
print(f, g, f is g)
f -= {1}
print(f, g)
try:
    s |= [1, 2]
except TypeError as e:
    print("TypeError:", e)
try:
    s &= "ab"
except TypeError as e:
    print("TypeError:", e)
d = {10, 20, 30}
d -= d
print(d)
d = {10, 20, 30}
d ^= d
print(d)
