# A naked exception caught by except*, and a new one raised from the clause.
try:
    1 / 0
except* ZeroDivisionError as e:
    print(repr(e))
    raise ValueError("replacement")
