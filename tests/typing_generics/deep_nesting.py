# Aliases nested far deeper than the recursion limit raise RecursionError from
# repr, hash and __parameters__ instead of overflowing the stack.
def show(label, f):
    try:
        f()
        print(label, "ok")
    except RecursionError:
        print(label, "RecursionError")

g = int
for i in range(200_000):
    g = list[g]
show("repr", lambda: repr(g))
show("hash", lambda: hash(g))
show("parameters", lambda: g.__parameters__)
u = int
for i in range(200_000):
    u = list[u] | None
show("union repr", lambda: repr(u))
print(repr(list[list[dict[int, list[str]]]]))
print(list[list[int]].__parameters__)
