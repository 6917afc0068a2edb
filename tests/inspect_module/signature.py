# inspect.signature of Python functions (all parameter kinds, defaults,
# annotations), classes, methods, partials and lambdas; Signature.bind.
import functools
import inspect


def f(a, b: int = 1, /, c=2, *args, d, e: "str" = "x", **kwargs) -> bool:
    pass


def g(x, y=None):
    pass


class C:
    def __init__(self, p, q=3):
        pass

    def m(self, z, *, w=0):
        pass

    @classmethod
    def cm(cls, k):
        pass

    @staticmethod
    def sm(j=1):
        pass


for obj in (f, g, C, C.m, C(1).m, C.cm, C.sm, functools.partial(g, 1),
            lambda *a, **k: None):
    print(inspect.signature(obj))

sig = inspect.signature(f)
for name, param in sig.parameters.items():
    print(name, param.kind, param.default is param.empty, param.annotation)
print(sig.return_annotation)
bound = sig.bind(1, 2, 3, 4, d=5, z=6)
print(bound.arguments)
bound.apply_defaults()
print(bound)
print(inspect.getfullargspec(f))

