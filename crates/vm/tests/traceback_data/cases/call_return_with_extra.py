def inner():
    raise ValueError("x")

def outer():
    return inner() + 1

outer()
