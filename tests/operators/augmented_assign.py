# Every augmented assignment operator, on names, list items and dict items.
x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 4
print(x)
x //= 5
print(x)
x %= 7
print(x)
x **= 3
print(x)
x /= 4
print(x)
y = 0b1111
y &= 0b1010
print(y)
y |= 0b0101
print(y)
y ^= 0b0011
print(y)
y <<= 4
print(y)
y >>= 2
print(y)
big = 2
for i in range(7):
    big **= 2
print(big)
s = "ab"
s += "c"
s *= 2
print(s)
items = [1, 2, 3]
items[0] += 10
items[-1] *= 5
print(items)
counts = {"a": 1}
counts["a"] += 1
counts["a"] *= 10
print(counts)
nested = [[1, 2], [3, 4]]
nested[1][0] -= 100
print(nested)
items += [4, 5]
print(items)
t = (1,)
t += (2, 3)
print(t)
