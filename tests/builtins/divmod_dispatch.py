# divmod(): __divmod__/__rdivmod__ in operator order, built-in numbers never via __floordiv__.
class A:
    def __divmod__(self, o): return ('A.divmod', o)
    def __rdivmod__(self, o): return ('A.rdivmod', o)
class B(A):
    def __rdivmod__(self, o): return ('B.rdivmod', type(o).__name__)
class N:
    def __divmod__(self, o): return NotImplemented
print(divmod(A(), 3), divmod(3, A()), divmod(A(), B()), divmod(7, 2), divmod(-7.5, 2), divmod(True, 2))
for a, b in [(1j, 1j), (N(), 1), ('a', 1), (1, 0), (1.0, 0.0), (1, 'x')]:
    try: print(divmod(a, b))
    except (TypeError, ZeroDivisionError) as e: print(type(e).__name__, e)
class I(int):
    def __floordiv__(self, o): return 'floordiv'
print(divmod(I(7), 2))
