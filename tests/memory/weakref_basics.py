# _weakref.ref: calling, callbacks (newest first, after __del__), reuse of the basic
# reference, hashing, equality and the list of references to an object.
import _weakref


class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name, r() is self)


c = C("c")
r = _weakref.ref(c)
print(r() is c, _weakref.ref(c) is r, r.__callback__)
w1 = _weakref.ref(c, lambda w: print("callback 1", w() is None))
w2 = _weakref.ref(c, lambda w: print("callback 2", w is w2))
print(_weakref.getweakrefcount(c), _weakref.getweakrefs(c) == [r, w2, w1])
print(hash(r) == hash(c), r == w1, r != w1)
del c
print("dead:", r(), w1.__callback__)
print(r == w1, r == r)
try:
    hash(_weakref.ref(C("temp")))
except TypeError as e:
    print("TypeError:", e)
print(_weakref.getweakrefcount(1), _weakref.getweakrefs("s"))
for value in [1, "s", (), [], {}, 1.5, None, object()]:
    try:
        _weakref.ref(value)
    except TypeError as e:
        print(e)
for value in [set(), frozenset(), len, C, print, lambda: 0, compile("1", "", "eval")]:
    print(type(_weakref.ref(value)).__name__)
