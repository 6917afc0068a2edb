def f():
    return 1

x = (
    f()
    +
    f()
    +
    f()
    +
    f()
    /
    0
    +
    f()
)
