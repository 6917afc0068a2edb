# P.args / P.kwargs, and the _typing module itself.
def f[**P](): return P
P = f()
try:
    print(hash(P.args) == hash(P.args))
except TypeError as e:
    print("TypeError:", e)
print(P.args == 1, P.args != 1)
print(type(P.args).__module__, type(P.args).__qualname__)
print(repr(type(P.args)), repr(type(P)))
import _typing
print(_typing.NoDefault.__reduce__(), repr(type(_typing.NoDefault)))
print(_typing.TypeAliasType.__module__, _typing.Generic.__module__, _typing.Generic.__qualname__)
print(_typing._idfunc(5))
