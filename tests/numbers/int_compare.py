# Comparisons between ints of every size and sign.
print(1 < 2, 1 > 2, 1 <= 1, 1 >= 2, 1 == 1, 1 != 1)
print(-5 < 3, -5 > -6, 0 == -0)
big = 2 ** 80
print(big > 2 ** 79, big < 2 ** 79, big == 2 ** 80, big != big + 1)
print(-big < big, -big < -1, -big > -big - 1)
print(big >= big, big <= big)
print(2 ** 64 == 18446744073709551616)
print(9223372036854775807 < 9223372036854775808)
print(-9223372036854775808 > -9223372036854775809)
print(1 == 1.0, 1 < 1.5, 2 > 1.5, 3 == 3.0000000001)
print(2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53)
print(10 ** 30 < 1e30, 10 ** 30 > 1e29)
print(True == 1, False == 0, True > False, True + True)
values = [3, -1, 2 ** 70, 0, -(2 ** 70), 7]
for v in values:
    print(v, v < 0, v == 0, v > 0)
