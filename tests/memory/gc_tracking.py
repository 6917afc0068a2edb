# The collector's bookkeeping under many tracked objects: counts of freed cycles,
# what get_objects lists, is_tracked, __del__ order in a collected cycle, and
# automatic collections while cycles pile up.
import gc


class Node:
    pass


def make_pairs(n):
    for i in range(n):
        a = Node()
        b = Node()
        a.other = b
        b.other = a


gc.collect()
gc.disable()
make_pairs(100)
print("pairs", gc.collect())

x = [1, 2]
print("listed", any(o is x for o in gc.get_objects()))
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked((1, 2)), gc.is_tracked(([],)))

keep = []
for i in range(50000):
    item = [i]
    if i % 3 == 0:
        keep.append(item)
    else:
        item.append(item)
print("self cycles", gc.collect(), len(keep))
del keep
print("after", gc.collect())


class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


a = D(1)
b = D(2)
c = D(3)
a.x = b
b.x = c
c.x = a
del a, b, c
print("ring", gc.collect())

gc.enable()
for i in range(100000):
    l = []
    l.append(l)
print("young count small:", gc.get_count()[0] < 5000)
print("done", gc.collect() >= 0)
