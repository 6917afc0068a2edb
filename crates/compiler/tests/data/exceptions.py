def f(x):
    try:
        y = 1 / x
    except ZeroDivisionError as e:
        print("zero", e)
        y = 0
    except (TypeError, ValueError):
        y = -1
    else:
        y += 1
    finally:
        print("finally")
    return y

def g():
    try:
        return 1
    finally:
        print("g")

def h(x):
    assert x, "message"
    raise ValueError("bad") from None

print(f(0), f(2), g())
