# __slots__: member descriptors, no __dict__, inheritance, error messages
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
p = Point(1)
print(p.x, Point.x, type(Point.x).__name__, Point.__slots__)
def attempt(label, fn):
    try:
        print(label, fn())
    except (AttributeError, TypeError, ValueError) as e:
        print(label, type(e).__name__ + ":", e)
attempt("unset", lambda: p.y)
attempt("new attr", lambda: setattr(p, "z", 1))
attempt("dict", lambda: p.__dict__)
attempt("del unset", lambda: delattr(p, "y"))
p.y = 2
del p.x
attempt("after del", lambda: p.x)
print(p.y, hasattr(p, "x"), getattr(p, "x", "default"))
class Point3(Point):
    __slots__ = "z"
q = Point3(5)
q.z = 6
print(q.x, q.z)
attempt("sub new attr", lambda: setattr(q, "w", 1))
class Loose(Point):
    pass
l = Loose(1)
l.anything = 2
print(l.__dict__, l.x)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.__dict__, w.a)
def conflict():
    class Bad:
        __slots__ = ("v",)
        v = 1
attempt("conflict", conflict)
def non_str():
    class Bad2:
        __slots__ = (1,)
attempt("non-str", non_str)
attempt("wrong object", lambda: Point.x.__get__(WithDict(), WithDict))
