# except* splits a group between clauses; each clause sees only its part.
def show(label, eg):
    print(label, type(eg).__name__, repr(eg.message), [repr(e) for e in eg.exceptions])

try:
    raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
except* ValueError as e:
    show("value", e)
except* TypeError as e:
    show("type", e)
except* LookupError as e:
    show("lookup", e)

# A clause that matches nothing is skipped.
try:
    raise ExceptionGroup("only", [OSError("x")])
except* ValueError:
    print("never")
except* OSError as e:
    show("os", e)

# Tuples of types in one clause.
try:
    raise ExceptionGroup("mix", [ValueError(1), TypeError(2), ZeroDivisionError(3)])
except* (ValueError, TypeError) as e:
    show("tuple", e)
except* ArithmeticError as e:
    show("arith", e)

# The name is unbound after the clause.
try:
    raise ExceptionGroup("n", [ValueError()])
except* ValueError as err:
    pass
try:
    err
except NameError as ne:
    print("unbound:", ne)

# An unhandled part propagates as a group with the original message.
try:
    try:
        raise ExceptionGroup("outer", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("handled value")
except ExceptionGroup as rest:
    show("rest", rest)

# else and finally
def f(fail):
    try:
        if fail:
            raise ExceptionGroup("g", [ValueError(fail)])
        print("body ok")
    except* ValueError as e:
        print("caught", e.exceptions)
    else:
        print("else ran")
    finally:
        print("finally ran")

f(0)
f(5)
