# user-defined descriptors: data vs non-data, __set_name__, precedence over instance dict
class Typed:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        if not isinstance(value, int):
            raise TypeError(f"{self.name[1:]} must be int")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        print("deleting", self.name)
        delattr(obj, self.name)

class NonData:
    def __get__(self, obj, objtype=None):
        return ("nondata", obj is None, objtype.__name__)

class Point:
    x = Typed()
    y = Typed()
    nd = NonData()

p = Point()
print(p.x)
p.x = 3
p.y = 4
print(p.x, p.y, sorted(vars(p)))
try:
    p.x = "no"
except TypeError as e:
    print(e)
del p.x
print(p.x)
print(p.nd, Point.nd)
p.__dict__["nd"] = "instance wins"
print(p.nd)
p.__dict__["y"] = "dict loses"
print(p.y)
print(type(Point.x).__name__)

class Counter:
    def __init__(self):
        self.reads = 0
    def __get__(self, obj, owner):
        self.reads += 1
        return self.reads
class Holder:
    c = Counter()
h = Holder()
print(h.c, h.c, Holder.c)
