# Built-in types list their special methods the way CPython's do.
print(sorted(vars(object)))
print(sorted(k for k, v in vars(type).items() if type(v).__name__ == 'wrapper_descriptor'))
for t in [object, int, bool, str, tuple, set, frozenset, type(None), type(...)]:
    print(t.__name__, sorted(dir(t)))
for t in [int, float, str, tuple, list, dict, set, frozenset, range, type(None)]:
    print(t.__name__, sorted(k for k, v in vars(t).items() if type(v).__name__ == 'wrapper_descriptor'))
class A:
    pass
class B(A):
    __slots__ = ()
print(sorted(vars(A)), sorted(vars(B)), sorted(dir(A())))
