for x in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1e16 + 0.5, 3.14159]:
    print(x, round(x), round(x, 2), round(x, 0), round(x, -1))
for n in [0, 5, 15, 25, 35, -25, 1234567, 10**20 + 5 * 10**18]:
    print(n, round(n), round(n, -1), round(n, -2), round(n, 3))
print(round(True), type(round(True)).__name__, round(5, None), round(2.5, None))
print(round(1.23456, ndigits=3), round(number=7.5))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__)
class R:
    def __round__(self, n=None):
        return ("R", n)
print(round(R()), round(R(), 3))
print(round(123.456, -2), round(-0.0), round(1e300, 2))
