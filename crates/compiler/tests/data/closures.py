def outer(a):
    b = 2
    def middle():
        c = a + b
        def inner():
            return a + b + c
        return inner
    return middle

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

@outer
def decorated(x, /, y, *, z):
    "doc"
    return x
