# A class's own __getattribute__ replaces the generic lookup; __getattr__ catches its AttributeError.
class A:
    x = 1
    def f(self): return "A.f"
    def __getattribute__(self, n):
        return "ga " + n
a = A()
print(a.x, a.y, a.f, getattr(a, 'z'))
class B:
    __slots__ = ()
    def f(self): return "B.f"
    def __getattribute__(self, n): return lambda: "ga " + n
print(B().f())
class C:
    def f(self): return "C.f"
    def __getattribute__(self, n):
        if n == 'f': raise AttributeError(n)
        return object.__getattribute__(self, n)
    def __getattr__(self, n): return lambda: "fallback " + n
print(C().f())
class D:
    def __init__(self): self.v = 5
    def __getattribute__(self, n):
        if n.startswith('secret'):
            raise AttributeError(f"no {n} here")
        return object.__getattribute__(self, n)
d = D()
print(d.v, hasattr(d, 'secret_x'), getattr(d, 'secret_y', 'default'))
try:
    d.secret_z
except AttributeError as e:
    print('AttributeError:', e)
try:
    object.__getattribute__(d, 1)
except TypeError as e:
    print('TypeError:', e)
