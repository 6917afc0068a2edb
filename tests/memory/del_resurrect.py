# PEP 442: __del__ runs at most once, even when it resurrects its object; gc knows
# whether an object was finalized.
import gc

saved = []


class Phoenix:
    def __del__(self):
        print("finalizing", gc.is_finalized(self))
        saved.append(self)


p = Phoenix()
print(gc.is_finalized(p))
del p
print("resurrected:", len(saved), gc.is_finalized(saved[0]))
saved.clear()
print("cleared, no second __del__")


class Chain:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def __del__(self):
        print("del", self.name, "child" if self.child else "leaf")


c = Chain("root", Chain("mid", Chain("leaf")))
del c
print("chain freed")
