# Nested function calls with default arguments: callers that omit trailing
# arguments, pass some of them, and chains of small helper functions.


def clamp(x, lo=0, hi=1000):
    return max(lo, min(hi, x))


def scale(x, factor=3, offset=1):
    return x * factor + offset


def mix(a, b, weight=2, bias=0):
    return clamp(scale(a, weight) + scale(b) + bias, 0, 100000)


def step(x, y=7, z=11, w=13):
    return mix(x % 97, y, z % 5) + clamp(w - x % 17, -5)


def chain(x, depth=4):
    if depth == 0:
        return x
    return chain(step(x) % 10007, depth - 1)


def main():
    h = 0
    for i in range(620000):
        h = (h + chain(i)) % 1000000007
        h = (h + step(i, 3) + step(i, 5, 1) + mix(i, h % 50)) % 1000000007
        h = (h + abs(scale(i - 30000, -1))) % 1000000007
    print("checksum " + str(h))


main()
