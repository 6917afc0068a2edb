# Closures read variables of enclosing functions, including later rebinding.
def make_adder(n):
    def add(x):
        return x + n
    return add


add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), add5(add10(0)))


def make_multiplier_pair(factor):
    def times(x):
        return x * factor

    def divided(x):
        return x / factor
    return times, divided


t, d = make_multiplier_pair(4)
print(t(3), d(3))


def late_binding():
    value = "before"

    def show():
        return value
    value = "after"
    return show


print(late_binding()())


def outer():
    a = 1

    def middle():
        b = 2

        def inner():
            return a + b
        return inner
    return middle()


print(outer()())


def compose(f, g):
    def h(x):
        return f(g(x))
    return h


inc_then_double = compose(make_multiplier_pair(2)[0], make_adder(1))
print(inc_then_double(5))
adders = []
for i in range(3):
    adders.append(make_adder(i))
for a in adders:
    print(a(100))
