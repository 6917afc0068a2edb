a = {1, 2}
b = {1, 2, 3}
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(b < a, b <= a, b > a, b >= a)
print(a < a, a <= a, a == {2, 1})
print({1, 2} == frozenset({1, 2}), frozenset({1}) < {1, 2})
print({1} == [1], {1} != [1], set() == frozenset())
try:
    a < [1, 2, 3]
except TypeError as e:
    print("TypeError:", e)
try:
    a >= (1,)
except TypeError as e:
    print("TypeError:", e)
print(sorted([{1, 2}, {1}, {2, 3}], key=len))
print({1, 2, 3} > {1, 4}, {1, 2, 3} >= {3})
