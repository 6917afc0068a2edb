# an error raised while matching propagates with a traceback
class Shape:
    __match_args__ = ("sides",)
    @property
    def sides(self):
        raise RuntimeError("sides unknown")
def classify(s):
    match s:
        case Shape(3):
            return "triangle"
    return "?"
print(classify(1))
classify(Shape())
