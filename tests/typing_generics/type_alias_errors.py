# TypeAliasType's constructor checks.
type Int = int
TypeAliasType = type(Int)


def f[T, U = int, V = str]():
    return T, U, V


T, U, V = f()
bad = [
    "TypeAliasType('A')",
    "TypeAliasType(1, int)",
    "TypeAliasType('A', int, int)",
    "TypeAliasType('A', int, type_params=[T])",
    "TypeAliasType('A', int, type_params=(1,))",
    "TypeAliasType('A', int, type_params=(U, T))",
    "TypeAliasType('A', int, qualname='x')",
    "TypeAliasType('A', int)[int]",
]
for src in bad:
    try:
        eval(src)
        print(src, "-> no error")
    except Exception as e:
        print(src, "->", type(e).__name__, e)
ok = TypeAliasType("Ok", list, type_params=(T, U, V))
print(ok, ok.__type_params__, ok.__parameters__)
empty = TypeAliasType("Empty", int, type_params=())
print(empty.__type_params__)
try:
    empty[int]
except TypeError as e:
    print("TypeError:", e)
