def f(a, b=2, *args, c, d=4, **kw):
    return a + b + c + d

def g():
    x = 1
    def h():
        nonlocal x
        x += 1
        return x
    return h

def k(n):
    global counter
    counter = n
    return f(n, c=3)

print(f(1, c=3), g()(), k(5))
