# Closures: making functions that capture variables of an enclosing call,
# and calling them in loops (cell loads, calls through function objects).


def make_adder(k):
    def add(x):
        return x + k
    return add


def make_counter():
    cell = [0]

    def step(by):
        cell[0] += by
        return cell[0]
    return step


def compose(f, g):
    def both(x):
        return f(g(x))
    return both


def make_accumulator(scale):
    total = [0]

    def outer(x):
        def inner(y):
            return y * scale + x
        total[0] = (total[0] + inner(x)) % 1000003
        return total[0]
    return outer


def apply_all(funcs, x):
    for f in funcs:
        x = f(x) % 1000003
    return x


def main():
    adders = []
    for k in range(10):
        adders.append(make_adder(k))
    twice = compose(adders[3], adders[7])
    counter = make_counter()
    acc = make_accumulator(3)
    h = 0
    for i in range(1250000):
        h = apply_all(adders, h + i)
        h = twice(h) % 1000003
        counter(i & 7)
        acc(i)
    print("counter " + str(counter(0)) + " accumulator " + str(acc(0)))
    print("checksum " + str(h))


main()
