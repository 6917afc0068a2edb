# Type parameters made by the PEP 695 syntax: kinds, reprs and attributes.
def f[T, *Ts, **P]():
    return T, Ts, P

T, Ts, P = f()
print(T, Ts, P)
print(repr(T), repr(Ts), repr(P))
print(f.__type_params__, f.__type_params__ == (T, Ts, P))
print(type(T), type(Ts), type(P))
print(type(T).__name__, type(T).__module__, type(T).__qualname__)
print(T.__name__, Ts.__name__, P.__name__)
print(T.__covariant__, T.__contravariant__, T.__infer_variance__)
print(P.__covariant__, P.__contravariant__, P.__infer_variance__)
print(T.__bound__, T.__constraints__, T.__default__)
print(P.__bound__, P.__default__, Ts.__default__)
print(T.has_default(), P.has_default(), Ts.has_default())
print(T.evaluate_bound, T.evaluate_constraints, T.evaluate_default)
print(P.evaluate_default, Ts.evaluate_default)
print(T.__module__, Ts.__module__, P.__module__)
print(T.__reduce__(), Ts.__reduce__(), P.__reduce__())

# Each call of the generic function makes new parameters.
T2 = f()[0]
print(T2 is T, T2 == T, T == T)

# P.args and P.kwargs.
print(P.args, P.kwargs, type(P.args).__name__, type(P.kwargs).__name__)
print(P.args.__origin__ is P, P.kwargs.__origin__ is P)
print(P.args == P.args, P.args == P.kwargs, P.args != P.args)
print(P.args is P.args)

# Type parameters accept attributes.
T.note = "hello"
print(T.note)

# Functions without type parameters.
def plain():
    pass

print(plain.__type_params__)


class Plain:
    pass


print(Plain.__type_params__)

# Methods and lambdas see the enclosing function's type parameters.
def outer[A, B]():
    def inner(x: A) -> B:
        return x
    return inner, (lambda: (A, B))()

inner, pair = outer()
print(pair, inner.__type_params__)
print(outer.__type_params__)
