# Frames of closures and of functions with cell variables: the cells are set up as
# the frame is pushed (COPY_FREE_VARS / MAKE_CELL), before the first instruction.


def make_adder(k):
    def add(x):
        return x + k
    return add


def counter():
    n = 0

    def step(by=1):
        nonlocal n
        n += by
        return n
    return step


def cell_arg(a, b):
    # `a` is both an argument and a cell: its value must be wrapped, not lost.
    def get():
        return a, b
    a = a * 2
    return get()


def unbound_cell():
    def read():
        return later
    try:
        read()
    except NameError as e:
        print(type(e).__name__, e)
    later = 1
    return read()


def gen_closure(n):
    def gen():
        for i in range(n):
            yield i * n
    return gen


def outer_gen(base):
    # A generator that is itself a closure over its own cell.
    total = base

    def bump(x):
        nonlocal total
        total += x
    for i in range(3):
        bump(i)
        yield total


add3 = make_adder(3)
print([add3(i) for i in range(5)])
print(add3.__closure__[0].cell_contents, add3.__code__.co_freevars)
c = counter()
print(c(), c(), c(10))
print(cell_arg(1, 2), cell_arg("x", None))
print(unbound_cell())
print(list(gen_closure(3)()))
print(list(outer_gen(10)))
deep = make_adder(0)
for k in range(1, 50):
    deep = (lambda f, k: lambda x: f(x) + k)(deep, k)
print(deep(0))
