a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(a | b, b | a)
print(a & b, b & a)
print(a - b, b - a)
print(a ^ b, b ^ a)
big = set(range(0, 100, 3))
small = {3, 4, 5, 99}
print(big & small, small & big)
print(small - big, big - small == big.difference(small))
print(small ^ big == big ^ small)
print(a | set(), set() | a, a & set(), a - set(), set() - a)
print(a | a, a & a, a - a, a ^ a)
fa = frozenset(a)
print(fa | b, b | fa, type(fa | b).__name__, type(b | fa).__name__)
print(fa & b, fa - b, fa ^ b)
try:
    a | [1]
except TypeError as e:
    print("TypeError:", e)
try:
    [1] & a
except TypeError as e:
    print("TypeError:", e)
try:
    a - 3
except TypeError as e:
    print("TypeError:", e)
