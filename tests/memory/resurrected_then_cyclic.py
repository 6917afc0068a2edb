# An object resurrected by __del__ stays tracked: a later cycle through it is collected.
import gc
keep = []
class R:
    def __del__(self):
        keep.append(self)   # resurrect once
r = R()
del r                       # refcount drop: __del__ runs and resurrects
x = keep.pop()
print(gc.is_tracked(x))
x.self_ref = x              # now a cycle
del x
print(gc.collect())         # the cycle is found; __del__ does not run again
print(len(keep))
