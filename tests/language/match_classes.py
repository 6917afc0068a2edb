# match: class patterns, __match_args__, keyword sub-patterns, builtin self-matching
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
def where(p):
    match p:
        case Point3(0, 0, 0):
            return "origin3"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x=x, y=y) if x == y:
            return "diagonal"
        case Point():
            return "somewhere"
        case int(i) | float(i):
            return f"number {i}"
        case str(s):
            return f"string {s}"
        case list([a, *_]):
            return f"list starting {a}"
        case dict({"k": v}):
            return f"dict with k={v}"
        case _:
            return "unknown"
for p in (Point3(0, 0, 0), Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2),
          7, 2.5, "s", [9, 8], {"k": 1}, None, True):
    print(where(p))

def attempt(f, v):
    try:
        print(f(v))
    except TypeError as e:
        print("TypeError:", e)
def too_many(v):
    match v:
        case Point(1, 2, 3):
            return "x"
def dup(v):
    match v:
        case Point(x, x=1):
            return "x"
def not_class(v):
    match v:
        case v.__class__.__name__.upper():
            return "x"
def self_match(v):
    match v:
        case int(a, b):
            return "x"
class BadArgs:
    __match_args__ = ["a"]
def bad_args(v):
    match v:
        case BadArgs(a):
            return "x"
class NonStr:
    __match_args__ = (1,)
def non_str(v):
    match v:
        case NonStr(a):
            return "x"
attempt(too_many, Point(1, 2))
attempt(dup, Point(1, 2))
attempt(not_class, Point(1, 2))
attempt(self_match, 5)
attempt(bad_args, BadArgs())
attempt(non_str, NonStr())
class Lazy:
    __match_args__ = ("missing",)
match Lazy():
    case Lazy(m):
        print("matched", m)
    case _:
        print("missing attribute means no match")
