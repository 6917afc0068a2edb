# match: literals, captures, wildcards, or-patterns, guards, value patterns
import_flag = True
class Color:
    RED = "red"
    GREEN = "green"
def describe(v):
    match v:
        case 0 | 1:
            return "bit"
        case True:
            return "true?"
        case None:
            return "none"
        case "hello":
            return "greeting"
        case Color.RED:
            return "red value"
        case int(n) if n < 0:
            return f"negative {n}"
        case float() | bytes():
            return "floaty"
        case str() as s if len(s) > 3:
            return "long str " + s
        case _:
            return "other " + repr(v)
for v in (0, 1, True, None, "hello", "red", -5, 2.5, "abcd", "ab", 7, b"x"):
    print(repr(v), "->", describe(v))
