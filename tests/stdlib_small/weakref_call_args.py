# Calling a weakref takes no arguments: PyArg_UnpackTuple's and _PyArg_NoKeywords's messages.
import _weakref
class A: pass
a = A()
r = _weakref.ref(a)
for args, kw in [((1,), {}), ((1, 2), {}), ((), {'x': 1})]:
    try:
        r(*args, **kw)
    except TypeError as e:
        print(e)
print(r() is a)
