def f(*a):
    return a

print(f(1, f(2, int("x")), 3))
