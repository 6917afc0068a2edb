# Subclasses of ref (as weakref.KeyedRef), _remove_dead_weakref, and callbacks that
# raise (reported on stderr).
import _weakref


class Keyed(_weakref.ref):
    def __new__(cls, ob, callback, key):
        self = _weakref.ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class Obj:
    pass


store = {}


def remove(wr):
    print("removing", wr.key)
    _weakref._remove_dead_weakref(store, wr.key)


o = Obj()
store["a"] = Keyed(o, remove, "a")
print(type(store["a"]).__name__, store["a"]() is o, store["a"].key)
print(_weakref.ref(o) is _weakref.ref(o), isinstance(store["a"], _weakref.ref))
del o
print(sorted(store))


# A failing callback (a built-in, so that the report names no address).
o = Obj()
r = _weakref.ref(o, getattr)
del o
print("after bad callback", r())
