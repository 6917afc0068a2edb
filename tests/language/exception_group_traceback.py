# uncaught exception groups print as nested boxes, with chained members
def fail(n):
    raise ValueError(f"fail {n}")
def chained():
    try:
        fail(0)
    except ValueError as e:
        raise RuntimeError("while recovering") from e
members = []
try:
    chained()
except RuntimeError as e:
    members.append(e)
members.append(TypeError("plain"))
try:
    {}["k"]
except KeyError as e:
    try:
        1 / 0
    except ZeroDivisionError as z:
        members.append(z)
inner = ExceptionGroup("inner", [OSError("disk"), ExceptionGroup("deep", [ValueError("d")])])
members.append(inner)
group = ExceptionGroup("outer problems", members)
group.add_note("note on the group")
print("raising")
raise group
