# Chained comparisons evaluate each operand once and stop early.
x = 5
print(1 < x < 10)
print(1 < x > 10)
print(0 < x <= 5 < 6)
print(10 > x > 5)
print(1 == 1 == 1)
print(1 == 1 != 2)
print(1 < 2 < 3 < 4 < 5)
print(1 < 2 < 3 < 2 < 5)
print(3 > 2 > 1)
print(1 < 3 > 2)
print(x == 5 == x)
print("a" < "b" < "c")


def noisy(label, value):
    print("eval", label)
    return value


print(noisy("a", 1) < noisy("b", 2) < noisy("c", 3))
print(noisy("a", 1) < noisy("b", 0) < noisy("c", 3))
print(noisy("a", 5) > noisy("b", 4) == noisy("c", 4))
lo = 0
hi = 10
for v in [-1, 0, 5, 10, 11]:
    print(v, lo <= v < hi, lo < v <= hi)
print(1 < 2 == True)
print((1 < 2) == True)
