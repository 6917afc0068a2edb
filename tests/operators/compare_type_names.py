# Messages of unsupported comparisons and operators name the types as CPython does.
class A: pass
class B: pass
class Outer:
    class Inner: pass
for op in ['<', '<=', '>', '>=']:
    try:
        eval('A() %s B()' % op)
    except TypeError as e:
        print(e)
for a, b in [(1, 'a'), ([], ()), (None, 1), (Outer.Inner(), Outer.Inner()), (1j, 2j), ({}, {})]:
    try:
        a < b
    except TypeError as e:
        print(e)
for expr in ['A() + B()', '1 + "a"', '[] - []', 'Outer.Inner() * 2', '~A()', '-B()', 'A() @ A()']:
    try:
        eval(expr)
    except TypeError as e:
        print(e)
