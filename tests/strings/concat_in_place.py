# `s += t` / `s = s + t` may append in place only when no one else can see `s`:
# every alias below must keep its old value.
def aliases():
    s = "ab"
    t = s
    s += "c"
    held = [s]
    s += "d"
    d = {"k": s}
    s = s + "e"
    return s, t, held, d


def loop_build(n):
    out = ""
    snapshots = []
    for i in range(n):
        out += str(i)
        if i % 3 == 0:
            snapshots.append(out)
        out = out + "|"
    return out, snapshots


def constant_left():
    a = ""
    a += "x"
    b = ""
    return a, b, "" + "y"


def self_concat():
    s = "ha"
    s += s
    s = s + s
    return s


print(aliases())
print(loop_build(7))
print(constant_left())
print(self_concat())
g = "mod"
g += "ule"
print(g)
