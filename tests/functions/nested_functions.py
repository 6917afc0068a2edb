# Functions defined inside functions and conditionally; functions as values.
def apply(f, x):
    return f(x)


def square(x):
    return x * x


print(apply(square, 7))
ops = [square, len]
print(ops[0](3), ops[1]("four"))


def choose(kind):
    if kind == "up":
        def f(s):
            return s + "^"
    else:
        def f(s):
            return s + "v"
    return f


print(choose("up")("a"), choose("down")("a"))


def twice(f):
    def g(x):
        return f(f(x))
    return g


print(twice(square)(3))
print(twice(twice(square))(2))
table = {"sq": square, "tw": twice(square)}
print(table["sq"](5), table["tw"](5))


def redefine():
    return 1


first = redefine


def redefine():
    return 2


print(first(), redefine())
