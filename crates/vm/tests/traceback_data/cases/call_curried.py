def f(x):
    def g(y):
        return y / x
    return g

f(0)(1)
