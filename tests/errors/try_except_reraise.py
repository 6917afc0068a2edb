# An exception not matched by the handler propagates; finally still runs.
def inner():
    try:
        return {}["k"]
    except IndexError:
        print("never")
    finally:
        print("inner finally")


def outer():
    try:
        inner()
    except ZeroDivisionError:
        print("never")


outer()
