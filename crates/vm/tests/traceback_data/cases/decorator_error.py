def deco(func):
    raise TypeError("bad decorator")

@deco
def f():
    pass
