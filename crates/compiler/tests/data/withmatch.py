def f(path):
    with open(path) as fh, open(path + "x") as g:
        return fh.read() + g.read()

def g(cmd):
    match cmd:
        case [x, y, *rest]:
            return x
        case {"k": v, **kw}:
            return v
        case Point(x=0, y=yy) | Point(x=yy, y=0):
            return yy
        case 1 | 2 | -3:
            return "num"
        case None:
            return None
        case str() as s if s:
            return s
        case _:
            return "other"
