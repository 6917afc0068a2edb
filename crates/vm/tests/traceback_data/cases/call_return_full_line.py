def inner():
    raise ValueError("inner failed")

def outer():
    return inner()

outer()
