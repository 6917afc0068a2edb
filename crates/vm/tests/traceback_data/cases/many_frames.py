def a():
    b()

def b():
    c()

def c():
    d()

def d():
    {}.pop("x")

a()
