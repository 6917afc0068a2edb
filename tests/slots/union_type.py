# X | Y unions of types (types.UnionType).
import types
u = int | str
print(u, type(u), u.__args__, int | None, None | int, int | int, (int | str) | float)
print(u == (str | int), u == (int | float), hash(u) == hash(str | int), u is types.UnionType)
print(isinstance(1, u), isinstance(1.5, u), isinstance(None, int | None), issubclass(bool, u))
print(isinstance(1, (str, int | float)), issubclass(int, (str, float | None)))
print(int | list[int], list[int] | None, (int | str).__parameters__, type(None) | int)
for bad in [lambda: int | 1, lambda: 1 | int, lambda: isinstance(1, 5), lambda: issubclass(1, int | str)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
print(type.__or__(int, str), type.__ror__(int, str), type.__or__(int, 1))
