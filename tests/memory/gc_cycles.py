# gc.collect() frees reference cycles and returns how many objects it found; objects
# with __del__ in a cycle are finalized first (PEP 442).
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None


print(gc.isenabled(), gc.get_threshold())
gc.collect()
a = Node("a")
b = Node("b")
a.other = b
b.other = a
del a, b
print("two nodes:", gc.collect())
print("nothing left:", gc.collect())
lst = []
lst.append(lst)
del lst
print("self list:", gc.collect())


class Finalized:
    def __init__(self, n):
        self.n = n
        self.me = self

    def __del__(self):
        print("finalizing", self.n)


f = Finalized(1)
del f
print("with __del__:", gc.collect())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked([]), gc.is_tracked({}))
events = []
gc.callbacks.append(lambda phase, info: events.append((phase, info["generation"])))
gc.collect()
gc.callbacks.clear()
print(events)
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
