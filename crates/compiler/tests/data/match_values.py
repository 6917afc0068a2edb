def f(v):
    match v:
        case -1 | 1+2j:
            return "num"
        case {"a": 1, **rest}:
            return rest
        case [1, *_, 2]:
            return "seq"
        case C(x=[y]) if y:
            return y
