# __init_subclass__, __set_name__, __class_getitem__
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        print("registering", cls.__name__, key)
        Plugin.registry[key or cls.__name__] = cls
class Alpha(Plugin, key="alpha"):
    pass
class Beta(Plugin):
    pass
class Gamma(Alpha, key="g"):
    pass
print(sorted(Plugin.registry))
print(type(Plugin.__dict__["__init_subclass__"]).__name__)
try:
    class Broken(Plugin, unknown=1):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class Plain(other=1):
        pass
except TypeError as e:
    print("TypeError:", e)

class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.owner, self.name = owner.__name__, name
class Model:
    a = Field()
    b = Field()
print(Model.a.name, Model.b.owner)

class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("nope")
try:
    class Holder:
        x = Bad()
except ValueError as e:
    print("ValueError:", e, e.__notes__)

class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
class SubBox(Box):
    pass
print(Box[int], SubBox["x"], Box[1, 2])
print(type(Box.__dict__["__class_getitem__"]).__name__)
