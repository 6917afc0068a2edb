match command.split():
    case [action]:
        pass
    case [Point(x=0, y=0), *rest] if rest:
        pass
    case {"k": 1, **kw} | None:
        pass
    case (1 | -2 | 3+4j) as v:
        pass
    case Color.RED | _:
        pass
    case str() | b"x" | "s":
        pass
match = 1
match(x)
