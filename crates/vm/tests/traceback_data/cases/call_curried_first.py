def f(x):
    return lambda y: y
print(f()(1))
