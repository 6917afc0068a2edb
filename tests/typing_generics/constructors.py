# TypeVar, ParamSpec, TypeVarTuple and TypeAliasType called directly, and their errors.
def f[T, *Ts, **P]():
    return T, Ts, P


T, Ts, P = f()
TypeVar, TypeVarTuple, ParamSpec = type(T), type(Ts), type(P)

X = TypeVar("X")
print(X, X.__name__, X.__module__, X.__infer_variance__, X.__bound__)
print(X.__default__, X.has_default(), X.evaluate_default)
print(TypeVar("Co", covariant=True), TypeVar("Contra", contravariant=True))
print(TypeVar("Inf", infer_variance=True), TypeVar(name="Named"))
C = TypeVar("C", int, str)
print(C.__constraints__, C.evaluate_constraints, C.evaluate_constraints(1))
D = TypeVar("D", default=int)
print(D.__default__, D.has_default(), D.evaluate_default(1))
print(TypeVar("N", default=None).__default__, TypeVar("N", default=None).has_default())
print(TypeVar("S", "int", "str").__constraints__)
print(TypeVar("Flag", covariant=1).__covariant__)

P2 = ParamSpec("P2")
print(P2, P2.__module__, P2.__bound__, P2.__default__, P2.has_default())
print(ParamSpec("P3", covariant=True), ParamSpec("P4", default=[int]).__default__)
Ts2 = TypeVarTuple("Ts2")
print(Ts2, Ts2.__module__, Ts2.__default__, TypeVarTuple("Ts3", default=int).__default__)

print(type(P.args)(X), type(P.kwargs)(X), type(P.args)(P2) == P2.args)

bad = [
    "TypeVar()",
    "TypeVar(1)",
    "TypeVar('T', foo=1)",
    "TypeVar('T', int)",
    "TypeVar('T', covariant=True, contravariant=True)",
    "TypeVar('T', covariant=True, infer_variance=True)",
    "TypeVar('T', contravariant=True, infer_variance=True)",
    "ParamSpec()",
    "ParamSpec('P', int)",
    "ParamSpec('P', covariant=True, contravariant=True)",
    "TypeVarTuple('Ts', bound=int)",
    "TypeVarTuple('Ts', int)",
    "TypeVarTuple(3)",
    "type(P.args)()",
    "T.__mro_entries__(())",
    "Ts.__mro_entries__(())",
    "P.__mro_entries__(())",
    "P.args.__mro_entries__(())",
    "Ts.__typing_subst__(int)",
]
for src in bad:
    try:
        eval(src)
        print(src, "-> no error")
    except Exception as e:
        print(src, "->", type(e).__name__, e)

for kind in [TypeVar, ParamSpec, TypeVarTuple, type(P.args)]:
    try:
        class Sub(kind):
            pass
    except TypeError as e:
        print(kind.__name__, "TypeError")
