# The types and reprs of slot wrappers and method-wrappers.
import types
print(type(int.__add__), type((1).__add__), type(object.__init__), type(object().__str__))
print(int.__add__, object.__init__, list.__len__, type.__call__)
print(int.__add__.__name__, int.__add__.__qualname__, int.__add__.__objclass__)
print((1).__add__.__name__, (1).__add__.__self__, (1).__add__.__objclass__)
print(types.WrapperDescriptorType is type(int.__add__), types.MethodWrapperType)
print(callable(int.__add__), callable((1).__add__), int.__add__.__get__(3)(4))
print(int.__add__.__get__(None, int) is int.__add__)
print(type(int.__dict__['__add__']).__name__, list.__dict__['__hash__'], dict.__hash__)
print(type(int.__new__).__name__, int.__new__(int, 7), list.__new__(list))
print(set.__contains__, dict.__getitem__)
print(str.__add__ == str.__add__, int.__add__ is int.__dict__['__add__'])
for bad in [lambda: int.__add__('a', 1), lambda: list.__len__(), lambda: int.__add__(1),
            lambda: int.__neg__(1, 2), lambda: list.__init__(1), lambda: int.__new__(str)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
