# Mixing int, float and bool in arithmetic.
print(1 + 1.0)
print(True + 1)
print(True + True + True)
print(False * 10)
print(True * 2.5)
print(3 / True)
print(10 // 3.0)
print(10 % 3.0)
print(-10 // 3.0)
print(2 ** 3.0)
print(2.0 ** 3)
print(10 ** 20 + 0.5)
print(10 ** 17 * 1.0)
print(1 / 2 + 1 // 2)
print(True / 2)
print(-True)
print(True & False, True | False, True ^ True)
print(True == 1.0)
print(0.1 + 0.2 == 0.3)
a = 7
b = 2.0
print(a / b, a // b, a % b, a * b, a - b, a + b)
n = 1
for i in range(5):
    n = n * 1.5
    print(n)
