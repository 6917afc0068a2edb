# math: integer functions, exact with big ints.
import math

print(math.gcd(), math.gcd(-4), math.gcd(4, 6, 8), math.gcd(2**100, 2**80 * 3), math.gcd(0, 0), math.gcd(True, 4))
print(math.lcm(), math.lcm(4, 6, -8), math.lcm(0, 5), math.lcm(2**64, 3**40))
print([math.factorial(n) for n in range(8)], math.factorial(30), len(str(math.factorial(1000))))
print(math.factorial(True), math.isqrt(True))
print([math.isqrt(n) for n in [0, 1, 3, 4, 15, 16, 17, 2**64 - 1, 2**64, 10**40]])
print(math.isqrt(10**100 + 12345))
print(math.comb(10, 3), math.comb(10**30, 3), math.comb(5, 10**30), math.comb(50, 25), math.comb(0, 0))
print(math.perm(5), math.perm(5, None), math.perm(10, 3), math.perm(10**30, 2), math.perm(2, 3))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(True), math.ceil(10**30), math.floor(2.0**80))
print(type(math.floor(5)), type(math.ceil(True)), math.trunc(7))


class Num:
    def __floor__(self):
        return 'floor'

    def __ceil__(self):
        return 'ceil'

    def __trunc__(self):
        return 'trunc'

    def __float__(self):
        return 2.5


n = Num()
print(math.floor(n), math.ceil(n), math.trunc(n), math.sqrt(n), math.isclose(n, 2.5))


class Idx:
    def __index__(self):
        return 12


print(math.factorial(Idx()), math.gcd(Idx(), 8), math.sqrt(Idx()), math.comb(Idx(), 2))
