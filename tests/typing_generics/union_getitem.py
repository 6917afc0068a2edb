# Union[...] (types.UnionType is typing.Union in 3.14) with hints that need no typing.py.
U = type(int | str)
print(U[int, str], U[int], U[int, None], U[None], U[int, int, str], U[int | str, bytes])
try:
    U[()]
except TypeError as e:
    print("TypeError:", e)
print(U[list[int], dict[str, int]])
type A = int
print(U[A, int])
print(U[(int, str)])
