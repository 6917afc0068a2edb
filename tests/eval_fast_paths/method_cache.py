# LOAD_ATTR's method cache: methods of objects without an instance dict, the cache
# seeing class changes, instance attributes that shadow methods, and __class__
# assignment.
out = []
for i in range(3):
    out.append(i)
print(out)


class Base:
    def who(self):
        return "base"


class Slotted(Base):
    __slots__ = ()


def call_who(objs):
    return [o.who() for o in objs]


s = Slotted()
print(call_who([s, s]))
Base.who = lambda self: "patched"
print(call_who([s, s]))
Slotted.who = lambda self: "own"
print(call_who([s]))
del Slotted.who
print(call_who([s]))


class Plain:
    def who(self):
        return "plain"


p = Plain()
print(call_who([p]))
p.who = lambda: "instance"
print(call_who([p]))
del p.who
print(call_who([p]))


class Other:
    def who(self):
        return "other"


p.__class__ = Other
print(call_who([p]))


def f():
    pass


f.__repr__ = lambda: "shadowed"
print(f.__repr__(), call_who([s, p]))
words = ["b", "a"]
for _ in range(2):
    words.sort()
    print(words, "x".upper(), {1: 2}.get(1), (1, 2).count(1))


class L(list):
    def append(self, v):
        list.append(self, v * 10)


items = [[], L()]
for it in items:
    it.append(1)
print(items)
try:
    None.append(1)
except AttributeError as e:
    print("AttributeError", e)
