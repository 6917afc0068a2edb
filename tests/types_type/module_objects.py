# types.ModuleType: construction, attributes, repr, PEP 562 __getattr__/__dir__,
# subclasses, __class__ assignment, missing-attribute messages.
import sys
import types

m = types.ModuleType("foo")
print(m, m.__name__, m.__doc__, m.__spec__, m.__loader__, m.__package__)
print(sorted(m.__dict__), list(vars(types.ModuleType("d", "text")).items())[:2])
m.__file__ = "/x/foo.py"
print(repr(m))
m.__spec__ = None
m.__loader__ = "LOADER"
del m.__file__
print(repr(m))
print(repr(types.ModuleType.__new__(types.ModuleType)))
print(types.ModuleType.__new__(types.ModuleType).__dict__)
print(repr(sys), type(m) is type(sys), type(m).__name__, types.ModuleType.__module__)

for bad in [lambda: types.ModuleType(), lambda: types.ModuleType(1),
            lambda: types.ModuleType("a", "b", "c")]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
print(types.ModuleType(name="kw", doc=3).__doc__)

try:
    m.nope
except AttributeError as e:
    print(e, "|", e.name, e.obj is m)
anon = types.ModuleType("anon")
del anon.__dict__["__name__"]
try:
    anon.x
except AttributeError as e:
    print(e)

dyn = types.ModuleType("pep562")
dyn.__getattr__ = lambda name: f"computed {name}" if name.startswith("c") else None
print(dyn.cats, dyn.dogs, getattr(dyn, "cow"))
dyn.__dir__ = lambda: ["b", "a"]
print(dir(dyn))
print(dir(types.ModuleType("plain")))


class Sub(types.ModuleType):
    greeting = "hi"

    def hello(self):
        return f"{self.greeting} from {self.__name__}"


s = Sub("sub")
print(s.hello(), isinstance(s, types.ModuleType), repr(s), s.__doc__)


class WithInit(types.ModuleType):
    def __init__(self, name):
        super().__init__(name, "doc of " + name)


print(WithInit("wi").__doc__)
plain = types.ModuleType("plain")
plain.__class__ = Sub
print(plain.hello(), type(plain).__name__)
for target in [int, 5, type("C", (), {})]:
    try:
        plain.__class__ = target
    except TypeError as e:
        print("TypeError:", e)


class A:
    pass


class B:
    pass


class Slotted:
    __slots__ = ("x",)


a = A()
a.__class__ = B
print(type(a).__name__)
for target in [Slotted, int, types.ModuleType]:
    try:
        a.__class__ = target
    except TypeError as e:
        print("TypeError:", e)
try:
    (1).__class__ = B
except TypeError as e:
    print("TypeError:", e)
