# Data attributes of built-in types are getset/member descriptors in their namespace.
import types
def f(a, b=2):
    'doc'
F = types.FunctionType
print(type(F.__code__).__name__, type(F.__globals__).__name__, F.__code__, F.__globals__)
print(F.__dict__['__name__'].__get__(f), F.__code__.__get__(f).co_name, F.__defaults__.__get__(f))
print(types.GetSetDescriptorType, types.MemberDescriptorType, F.__code__.__objclass__)
print(type.__dict__['__name__'], type.__dict__['__name__'].__get__(int), type.__dict__['__doc__'])
F.__dict__['__name__'].__set__(f, 'g')
print(f.__name__, f.__qualname__)
try:
    F.__globals__.__set__(f, {})
except AttributeError as e:
    print(e)
try:
    F.__code__.__get__(1)
except TypeError as e:
    print(e)
class C:
    'class doc'
print(C.__name__, C.__qualname__, C.__doc__, C.__module__, C.__dict__['__dict__'])
C.__name__ = 'D'
C.__doc__ = 'new'
print(C.__name__, C.__doc__, C.__qualname__)
try:
    int.__name__ = 'x'
except TypeError as e:
    print(e)
try:
    C.__name__ = 5
except TypeError as e:
    print(e)
print(object.__dict__['__class__'], object.__dict__['__class__'].__get__(1))
print(int.__dict__['real'].__get__(7), (5).numerator, (2.5).real, range(1, 5, 2).step)
