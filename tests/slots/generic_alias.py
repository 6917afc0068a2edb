# types.GenericAlias: list[int] and friends.
import types
print(list[int], dict[str, list[int]], tuple[()], tuple[int, ...], list[list])
print(type(list[int]), type(list[int]) is types.GenericAlias, list[int].__class__)
print(list[int].__origin__, list[int].__args__, dict[str, int].__args__, list[int].__parameters__)
print(list[int] == list[int], list[int] == list[str], list[int] != list, hash(list[int]) == hash(list[int]))
print(list[int]([1, 2]), dict[str, int](a=1), list[int].__name__, list[int].append is list.append)
print(types.GenericAlias(list, int), types.GenericAlias(dict, (str, int)), repr(set[frozenset[int]]))
print(list[int].__unpacked__, list[int].__mro_entries__((list[int],)))
class A(list[int]):
    pass
print(A.__orig_bases__, A.__mro__, A([3]))
for bad in [lambda: isinstance([], list[int]), lambda: issubclass(list, list[int]), lambda: hash(list[[]])]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
print(list[int] | None, frozenset[str] | int)
import enum
print(list[enum.Enum], list['x'])
