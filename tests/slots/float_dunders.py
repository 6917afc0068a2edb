# float's special methods as attributes.
print(float.__add__(1.5, 2), (1.5).__add__(2.5), float.__radd__(1.5, 2))
print((1.5).__add__('a'), float.__mul__(2.0, 3), float.__rmul__(2.0, 3))
print(float.__truediv__(1.0, 4), float.__floordiv__(7.5, 2), float.__mod__(7.5, 2))
print(float.__divmod__(7.5, 2), float.__rdivmod__(2.0, 7))
print(float.__pow__(2.0, 3), float.__rpow__(2.0, 3))
print(float.__neg__(1.5), float.__pos__(-1.5), float.__abs__(-2.5), float.__bool__(0.0))
print(float.__int__(-3.7), float.__float__(2.5), float.__repr__(0.1))
print(float.__eq__(1.0, 1), float.__lt__(1.0, 2), float.__eq__(1.0, 'x'))
print(float.__hash__(1.5) == hash(1.5), float.__format__(3.14159, '.2f'))
print(float.__trunc__(2.7), float.__floor__(-2.5), float.__ceil__(2.1), float.__round__(2.675, 2))
try:
    float.__add__(1, 2.0)
except TypeError as e:
    print(e)
try:
    (1.0).__truediv__(0.0)
except ZeroDivisionError as e:
    print(e)
