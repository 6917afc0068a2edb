# float ** on the interpreter's fast path must give CPython's values and errors.
import math

cases = [
    (2.0, 0.5), (10.0, -2.0), (1.5, 3), (3, 0.5), (7, -1.5), (0.5, 1e-300),
    (1.0, 1e308), (1e-300, 2.0), (2.0, -1074.0), (1e10, 30.0), (4.0, 0.0),
    (-8.0, 3.0), (-8.0, 2), (0.0, 3.0), (0.0, 0.0), (-0.0, 3.0),
    (math.inf, 2.0), (2.0, math.inf), (0.5, math.inf), (math.nan, 0.0),
    (1.0, math.nan), (2.0, math.nan), (math.nan, 1.0),
]
for a, b in cases:
    try:
        r = a ** b
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    print(repr(a), repr(b), repr(r))

for a, b in [(1e200, 2.0), (10.0, 400), (0.0, -1.0), (-8.0, 1 / 3)]:
    try:
        print(a ** b)
    except (OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)

x = 2.0
x **= 0.5
print(x, x == math.sqrt(2.0))
total = 0.0
for i in range(1, 200):
    total += (i * 0.37) ** 1.7 + i ** -0.5
print(total)
