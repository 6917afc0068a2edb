# Bounds, constraints and defaults of type parameters are evaluated lazily, once.
calls = []


def note(x):
    calls.append(x)
    return x


def f[T: note(int), U: (note(str), note(bytes)), V = note(list[int])]():
    return T, U, V


T, U, V = f()
print(calls)
print(T.__bound__, calls)
print(T.__bound__, calls)
print(U.__constraints__, calls)
print(V.__default__, V.has_default(), calls)
print(T.__constraints__, U.__bound__, T.__default__, T.has_default())

# Undefined names fail only when read, and again on each read.
def g[A: Undefined, B: (Missing, int), C = Nowhere]():
    return A, B, C


A, B, C = g()
print("defined", A, B, C)
for attr, obj in [("__bound__", A), ("__constraints__", B), ("__default__", C)]:
    for attempt in range(2):
        try:
            getattr(obj, attr)
        except NameError as e:
            print(attr, "NameError:", e)

# has_default() does not evaluate.
print(C.has_default())

# The evaluation functions.
ev = T.evaluate_bound
print(type(ev).__name__, ev.__name__, ev(1))
print(U.evaluate_constraints(1))
print(V.evaluate_default(1))
try:
    ev(2)
    print("format 2 ok")
except NotImplementedError:
    print("format 2: NotImplementedError")
try:
    ev(3)
except NotImplementedError:
    print("format 3: NotImplementedError")

# Defaults on ParamSpec and TypeVarTuple.
def h[**P = [int, str], *Ts = tuple[int, ...]]():
    return P, Ts


P, Ts = h()
print(P.__default__, Ts.__default__, P.has_default(), Ts.has_default())
print(P.evaluate_default(1), Ts.evaluate_default(1))

# A later parameter's bound may refer to an earlier one... lazily.
def k[X, Y: list[X]]():
    return X, Y


X, Y = k()
print(Y.__bound__, Y.__bound__.__args__[0] is X)
