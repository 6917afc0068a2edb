# type.__subclasses__() (creation order), a metaclass's own
# mro(), and types.SimpleNamespace construction.
import types


class A:
    pass


class B(A):
    pass


class C(A):
    pass


class D(B, C):
    pass


print(A.__subclasses__(), B.__subclasses__(), D.__subclasses__())


class Meta(type):
    def mro(cls):
        return [cls, object]


class E(B, metaclass=Meta):
    pass


print(E.__mro__, E.mro())


class BadMeta(type):
    def mro(cls):
        return [cls, 1]


try:
    class F(metaclass=BadMeta):
        pass
except TypeError as e:
    print("TypeError:", e)

ns = types.SimpleNamespace(b=2, a=1)
print(vars(ns), ns.a, ns.b, vars(types.SimpleNamespace({"x": 1}, y=2)))
try:
    types.SimpleNamespace(1, 2)
except TypeError as e:
    print("TypeError:", e)
