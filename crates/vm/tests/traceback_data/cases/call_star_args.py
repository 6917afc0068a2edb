def f(a, b):
    return a + b

args = (1,)
kwargs = {"c": 3}
print(f(*args, **kwargs))
