# Slices compare as the tuples (start, stop, step): equality, ordering, identity
# shortcuts for their items, and no comparison with other types.
a = slice(1, 2)
print(a == slice(1, 2), a != slice(1, 2), a == slice(1, 2, None), a == slice(1, 3))
print(a < slice(1, 3), a <= slice(1, 2), a > slice(0, 9), a >= slice(2, 0))
print(slice(None) == slice(None, None, None), slice(1, [2]) == slice(1, [2]))
print(a == (1, 2, None), a != (1, 2, None))
nan = float("nan")
print(slice(nan) == slice(nan), slice(1, nan, 2) == slice(1, nan, 3))
try:
    slice(1, None) < slice(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    a < (1, 2)
except TypeError as e:
    print("TypeError:", e)
print(sorted([slice(3, 1), slice(1, 5), slice(0, 2), slice(1, 2)]))
print(hash(slice(1, 2)) == hash(slice(1, 2)))
