# `del x[key]` on objects without item deletion: CPython's two messages.
import types
p = types.MappingProxyType({'a': 1})
class A:
    def __getitem__(self, k): return k
class B: pass
for obj in (p, A(), B(), 5, {1}, object(), (1,), 'x', b'x', range(3)):
    for key in ('a', 0, True, 1.5):
        try:
            del obj[key]
        except TypeError as e:
            print(type(obj).__name__, repr(key), e)
for key in ('a', 0):
    try:
        p[key] = 1
    except TypeError as e:
        print(e)
