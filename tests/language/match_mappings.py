# match: mapping patterns, **rest, get-based lookup, duplicates
def m(v):
    match v:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", **rest}:
            return f"circle {sorted(rest.items())}"
        case {"none": None}:
            return "explicit none"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"
for v in ({"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5, "c": 0},
          {"none": None}, {"none": 0}, {}, [("type", "point")], "type"):
    print(v, "->", m(v))

class Defaulting(dict):
    def __missing__(self, key):
        return "missing!"
match Defaulting(a=1):
    case {"b": b}:
        print("matched via __missing__?", b)
    case {"a": a}:
        print("a =", a)
class K:
    key = "k"
try:
    match {"k": 1, "j": 2}:
        case {K.key: 1, K.key: 2}:
            print("no")
except ValueError as e:
    print("ValueError:", e)
