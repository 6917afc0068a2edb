# _collections_abc and collections.abc: the ABCs, registration and isinstance checks.
import _collections_abc
import collections.abc as cabc
print(cabc.Mapping is _collections_abc.Mapping)
for value in [[], (), {}, set(), "s", b"b", 1, iter([]), range(3), (x for x in [])]:
    kinds = [n for n in ("Iterable", "Iterator", "Sized", "Container", "Hashable",
                         "Sequence", "MutableSequence", "Mapping", "MutableMapping",
                         "Set", "MutableSet", "Generator", "Reversible", "Collection")
             if isinstance(value, getattr(cabc, n))]
    print(type(value).__name__, kinds)
print(issubclass(dict, cabc.MutableMapping), issubclass(list, cabc.Mapping))

class MyMap(cabc.Mapping):
    def __init__(self, d):
        self._d = d
    def __getitem__(self, k):
        return self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)

m = MyMap({"a": 1, "b": 2})
print(len(m), m["a"], m.get("z", 0), "a" in m, sorted(m.keys()), sorted(m.items()))
print(m == {"a": 1, "b": 2}, isinstance(m.keys(), cabc.KeysView))
try:
    cabc.Mapping()
except TypeError as e:
    print("TypeError", e)

class Seq(cabc.Sequence):
    def __getitem__(self, i):
        return [1, 2, 3][i]
    def __len__(self):
        return 3

s = Seq()
print(list(s), s.index(2), s.count(3), 2 in s, list(reversed(s)))

class Reg:
    pass
cabc.Sized.register(Reg)
print(issubclass(Reg, cabc.Sized))
print(cabc.Callable[[int], str])
