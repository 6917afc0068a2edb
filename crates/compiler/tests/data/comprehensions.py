class B:
    x = 1
    z = [x + i for i in range(3)]
n = 2
r = [x*n for x in a if g(x)]
def f(a, n):
    x = 5
    return [x*n for x in a], x
