# match: sequence patterns with star captures, nested patterns, non-sequences
def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, y]:
            return f"two {x} {y}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long {first} {middle} {last}"
        case (1, *rest):
            return f"starts with 1, rest {rest}"
        case [[a, b], [c, d]]:
            return f"matrix {a}{b}{c}{d}"
        case [*_, "end"]:
            return "ends with end"
        case _:
            return "no match"
for v in ([], [1], (1, 2), [1, 2, 3, 4, 5], (1, 9, 9), [[1, 2], [3, 4]], ["a", "b", "end"],
          "ab", b"ab", {1: 2}, range(2), range(3), [0, 0, 0], 5, None):
    print(repr(v), "->", seq(v))
