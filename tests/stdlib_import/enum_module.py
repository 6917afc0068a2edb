import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), list(Color), Color(3), Color['RED'], len(Color))
print(Color.RED.name, Color.RED.value, Color.RED is Color(1), Color.RED in Color)
class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W, repr(Perm.R | Perm.X), Perm(7), Perm.R & 4, ~Perm.R)
class Shape(enum.IntEnum):
    CIRCLE = 1
    SQUARE = 2
print(Shape.SQUARE + 1, Shape.CIRCLE < Shape.SQUARE, sorted([Shape.SQUARE, Shape.CIRCLE]))
class Auto(enum.Enum):
    A = enum.auto()
    B = enum.auto()
print(Auto.A.value, Auto.B.value, enum.unique(Auto) is Auto)
class S(enum.StrEnum):
    X = 'x'
print(S.X, S.X.upper(), S('x'))
try:
    Color(9)
except ValueError as e:
    print(e)
