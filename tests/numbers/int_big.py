# Arbitrary-precision integers: growth past 64 bits, big multiplication.
n = 1
i = 1
while i <= 30:
    n = n * i
    i = i + 1
print(n)
print(n * n)
print(n - n * n)
big = 123456789012345678901234567890
print(big)
print(big * big)
print(big * -big)
print(big + 1)
print(big - big)
print(-big)
print(big // 7)
print(big % 7)
print(big // -7)
print(big % -7)
print(9223372036854775807 + 1)
print(-9223372036854775808 - 1)
print(9223372036854775807 * 2)
print(18446744073709551616 // 2)
print(18446744073709551615 == 2 ** 64 - 1)
print(4611686018427387904 * 4)
print(big > 10 ** 29)
print(big < 10 ** 29)
print(10 ** 40 == 10 ** 20 * 10 ** 20)
print(big / 10 ** 20)
print(2 ** 100 / 2 ** 99)
f = 1
for k in range(1, 60):
    f = f * k
print(f)
print(f // (2 ** 50))
print(f % 1000000007)
