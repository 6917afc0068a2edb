# cmath with infinite and NaN parts: every function on every pair of value classes.
import cmath
import math

inf, nan = math.inf, math.nan
parts = [-inf, -2.5, -0.0, 0.0, 0.7, inf, nan]
names = ['sqrt', 'exp', 'log', 'log10', 'acos', 'acosh', 'asin', 'asinh', 'atan',
         'atanh', 'cos', 'cosh', 'sin', 'sinh', 'tan', 'tanh']
for name in names:
    f = getattr(cmath, name)
    for x in parts:
        row = []
        for y in parts:
            if math.isfinite(x) and math.isfinite(y):
                continue
            try:
                row.append(repr(f(complex(x, y))))
            except (ValueError, OverflowError) as e:
                row.append(type(e).__name__)
        print(name, x, ' '.join(row))
for r in parts:
    row = []
    for phi in parts + [2.0, -3.0]:
        try:
            row.append(repr(cmath.rect(r, phi)))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__)
    print('rect', r, ' '.join(row))
print(cmath.polar(complex(inf, nan)), cmath.phase(complex(-inf, inf)), cmath.isclose(complex(inf, 0), complex(inf, 0)))
print(cmath.isinf(complex(1, inf)), cmath.isnan(complex(nan, 1)), cmath.isfinite(complex(1, nan)))
