print(list(zip([1, 2], [3, 4], strict=True)), list(zip(strict=True)))
cases = [([1, 2], [3]), ([1], [3, 4]), ([1], [2], [3, 4]), ([1, 2], [2, 3], [3]), ([], [1]), ([1], [])]
for c in cases:
    try:
        print(list(zip(*c, strict=True)))
    except ValueError as e:
        print("ValueError:", e)
z = zip([1, 2, 3], "ab", strict=True)
print(next(z), next(z))
try:
    next(z)
except ValueError as e:
    print("ValueError:", e)
print(list(zip([1], [2, 3], strict=False)))
