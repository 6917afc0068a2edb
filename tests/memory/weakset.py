# _weakrefset.WeakSet (the real stdlib module on top of _weakref): members vanish
# when they die, also while the set is being iterated.
import _weakrefset


class Item:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Item({self.name})"


items = [Item(i) for i in range(5)]
ws = _weakrefset.WeakSet(items)
print(len(ws), items[0] in ws, Item(9) in ws)
del items[1]
print(len(ws), sorted(i.name for i in ws))
for it in ws:
    items.clear()
    break
print(len(ws))
keep = Item("keep")
ws.add(keep)
other = _weakrefset.WeakSet([keep])
print(ws == other, len(ws | other), keep in (ws & other))
ws.discard(keep)
print(len(ws), bool(ws))
