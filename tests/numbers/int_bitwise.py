# Bitwise operators and shifts on small, negative and big ints.
a = 0b1100
b = 0b1010
print(a & b, a | b, a ^ b)
print(~a, ~b, ~0, ~-1)
print(a << 2, a >> 2)
print(1 << 0, 1 << 10, 1 << 62, 1 << 63, 1 << 64, 1 << 100)
print(-1 << 5, -8 >> 1, -9 >> 1, -1 >> 10)
print(-12 & 10, -12 | 10, -12 ^ 10)
print(-12 & -10, -12 | -10, -12 ^ -10)
print((1 << 100) - 1 & 0xFFFF)
print((1 << 100) | 1)
print((1 << 100) ^ (1 << 99))
print((1 << 100) >> 98)
print(-(1 << 100) >> 99)
print(-(1 << 100) & 0xFF)
print(-(1 << 100) & (1 << 100))
print(~(1 << 70))
print(0xff, 0o17, 0b101, 1_000_000)
print(0xDEADBEEF, 0XCAFE)
print(255 >> 100, -255 >> 100)
x = 1
for i in range(8):
    x = x << 1 | 1
    print(x)
print(6 & 3 | 8 ^ 1)
print(1 | 2 ^ 3 & 4)
print(1 + 2 << 3)
print(1 << 2 + 3)
