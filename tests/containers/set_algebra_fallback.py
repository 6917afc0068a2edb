# Set algebra whose loops meet a key that needs __eq__ part-way (the quick loops over
# ints and strs hand over to the general ones): results, order and __eq__ calls must be
# those of a single general loop.

calls = []


class Key:
    """Hashes like an int, compares equal to it and to Keys of the same value."""

    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash(self.n)

    def __eq__(self, other):
        calls.append(self.n)
        return self.n == (other.n if isinstance(other, Key) else other)

    def __repr__(self):
        return f"K{self.n}"


def show(label, s):
    print(label, type(s).__name__, list(s), len(calls))
    calls.clear()


ints = set(range(0, 40, 3))
mixed = set(range(0, 40, 2)) | {Key(9), Key(100)}
show("or", ints | mixed)
show("ror", mixed | ints)
show("and", ints & mixed)
show("rand", mixed & ints)
show("sub", ints - mixed)
show("rsub", mixed - ints)
show("xor", ints ^ mixed)
show("rxor", mixed ^ ints)
a = set(ints)
a -= mixed
show("isub", a)
a = set(ints)
a ^= mixed
show("ixor", a)
a = set(ints)
a |= mixed
show("ior", a)
a = set(ints)
a &= mixed
show("iand", a)
show("frozen", frozenset(ints) & mixed)
show("strs", {"a", "b", "c"} ^ {"b", "d"})
show("range neg", set(range(20, -20, -7)))
show("range empty", set(range(5, 5)))
show("range big", set(range(2**62, 2**63 - 1, 2**60)))
show("range into", {1, 2}.union(range(3)))
s = {Key(1), Key(2)}
s.update(range(4))
show("update keys", s)
s = set(range(10))
s.difference_update(range(0, 10, 4))
show("diff range", s)
