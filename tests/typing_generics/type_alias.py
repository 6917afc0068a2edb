# `type` statements: TypeAliasType, lazy values, generic aliases.
type Int = int
print(Int, repr(Int), type(Int), type(Int).__module__)
print(Int.__name__, Int.__value__, Int.__module__)
print(Int.__type_params__, Int.__parameters__)
print(type(Int.evaluate_value).__name__, Int.evaluate_value.__name__, Int.evaluate_value(1))

type Pair[K, V] = tuple[K, V]
print(Pair, Pair.__value__, Pair.__type_params__, Pair.__parameters__)
K, V = Pair.__type_params__
print(K, V, K.__infer_variance__)
print(Pair[int, str], type(Pair[int, str]).__name__)
print(Pair[int, str].__origin__ is Pair, Pair[int, str].__args__)
print(Pair[int])

try:
    Int[int]
except TypeError as e:
    print("TypeError:", e)

# The value is computed on first access only, then kept.
calls = []


def note(x):
    calls.append(x)
    return x


type Noted = note(float)
print(calls)
print(Noted.__value__, calls)
print(Noted.__value__, calls)

type Broken = Undefined | int
print("defined", Broken)
for attempt in range(2):
    try:
        Broken.__value__
    except NameError as e:
        print("NameError:", e)

# Recursive aliases refer to themselves by name.
type Tree = list[Tree] | int
print(Tree.__value__)

# Unions with aliases.
print(Int | str, str | Int, Int | None, None | Int)
print(type(Int | str).__name__, (Int | str).__args__)

# Nothing can be assigned.
for name in ["__module__", "__name__", "__value__", "__doc__", "foo"]:
    for action in ["set", "del"]:
        try:
            if action == "set":
                setattr(Int, name, "x")
            else:
                delattr(Int, name)
        except AttributeError as e:
            print(action, name, "AttributeError:", e)

# Aliases inside classes and functions.
class Box:
    type Inner = list[int]


def make():
    type Local[T] = dict[str, T]
    return Local


print(Box.Inner, Box.Inner.__value__)
Local = make()
print(Local, Local.__value__, Local.__type_params__)

# Created directly.
TAT = type(Int)
A = TAT("A", int)
print(A, A.__value__, A.__type_params__, A.__module__, A.evaluate_value(1))
T = Pair.__type_params__[0]
B = TAT("B", list[T], type_params=(T,))
print(B[int], B.__parameters__)
print(A.__reduce__(), Int.__reduce__())
