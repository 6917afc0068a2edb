# Special methods that are not descriptors are called without the instance:
# built-in functions and classes stored on a class (typing's NewType and TypedDict
# rely on this).
import _typing

class A:
    f = len
    __call__ = _typing._idfunc
    __len__ = abs
print(A().f([1, 2]))
print(A()(7))
try:
    print(len(A()))
except TypeError as e:
    print(e)

class Meta(type):
    __call__ = dict
class WithMeta(metaclass=Meta):
    pass
print(WithMeta(a=1), type(WithMeta(b=2)))

class Callable:
    def __call__(self, x):
        return ('bound', x)
print(Callable()(3))
