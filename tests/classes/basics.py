# Classes: attributes, methods, inheritance, class attributes, repr/str, isinstance.
class Point:
    dims = 2

    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def __repr__(self):
        return "Point(" + repr(self.x) + ", " + repr(self.y) + ")"

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __lt__(self, other):
        return self.norm2() < other.norm2()


class Point3(Point):
    dims = 3

    def __init__(self, x, y, z):
        Point.__init__(self, x, y)
        self.z = z

    def norm2(self):
        return Point.norm2(self) + self.z * self.z


p = Point(3, 4)
q = Point(1)
print(p, q, p.norm2(), Point.dims, p.dims)
print(p + q, p == Point(3, 4), p != q, p == 5)
print(sorted([Point(5, 5), Point(1, 1), Point(2, 0)]))
r = Point3(1, 2, 2)
print(r.norm2(), r.dims, isinstance(r, Point), issubclass(Point3, Point), type(r).__name__)
print([c.__name__ for c in Point3.__mro__])
p.label = "origin-ish"
print(p.label, hasattr(p, "label"), hasattr(q, "label"), getattr(q, "label", "none"))
print(Point.__name__, Point.__qualname__, Point.norm2.__name__)
try:
    Point()
except TypeError as e:
    print("TypeError:", e)
try:
    p.nothing
except AttributeError as e:
    print("AttributeError:", e)
