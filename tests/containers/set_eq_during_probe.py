# Set and dict probes whose key comparison runs Python code: __eq__ that mutates the
# table being probed, raises, or compares equal across types; str subclasses with
# their own __eq__; bulk set algebra over such keys.


GROW = []


class Key:
    def __init__(self, value):
        self.value = value

    def __hash__(self):
        return hash(self.value) & 7

    def __eq__(self, other):
        for target in GROW:
            if len(target) < 40:
                target.add(len(target) + 1000)
        return isinstance(other, Key) and other.value == self.value

    def __repr__(self):
        return f"Key({self.value})"


s = set()
for i in range(6):
    s.add(Key(i))
GROW.append(s)
print(Key(3) in s, len(s))
print(Key(99) in s, len(s))
s.discard(Key(4))
print(len(s), sorted(x if isinstance(x, int) else -1 for x in s)[-3:])
GROW.clear()


class Boom:
    def __hash__(self):
        return 2

    def __eq__(self, other):
        raise ValueError("no comparing")


t = {1}
t.add(Boom())
try:
    Boom() in t
except ValueError as e:
    print("ValueError", e)


class Shout(str):
    def __eq__(self, other):
        return str.__eq__(self.upper(), str(other).upper())

    __hash__ = str.__hash__


words = {"abc", "def"}
print(Shout("abc") in words, Shout("ABC") in words)
d = {"abc": 1}
print(d.get(Shout("abc")), Shout("abc") in d)
print(sorted({1, 1.0, True, 2, 2.0}), {1: "a", 1.0: "b", True: "c"})

a = {Key(i) for i in range(10)}
b = {Key(i) for i in range(5, 15)}
print(sorted(x.value for x in a & b), sorted(x.value for x in a - b))
print(sorted(x.value for x in a ^ b), len(a | b))
print(sorted((a | b) - {Key(0)}, key=lambda x: x.value)[:3])
u = set(range(20))
u.difference_update(range(0, 20, 2))
print(u, u.pop(), u)
f = frozenset({"x", "y"})
print(f is frozenset(f), f.copy() is f, hash(f) == hash(frozenset({"y", "x"})))
