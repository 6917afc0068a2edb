# sys.unraisablehook receives an UnraisableHookArgs for exceptions that cannot be
# raised (__del__, generator close); a failing hook and the default hook print.
import sys

print(sys.unraisablehook is sys.__unraisablehook__, sys.unraisablehook.__name__)

def hook(args):
    print("hook:", type(args).__name__, len(args), args[0] is args.exc_type)
    print("  ", args.exc_type.__name__, repr(args.exc_value), args.object)
    print("  ", args.err_msg.split(" at ")[0], type(args.exc_traceback).__name__)

class A:
    def __del__(self):
        raise ValueError("in del")

sys.unraisablehook = hook
a = A()
del a

def gen():
    try:
        yield 1
    finally:
        raise KeyError("k")

g = gen()
next(g)
del g

import weakref

class Hook:
    def __repr__(self):
        return "<bad hook>"
    def __call__(self, args):
        raise RuntimeError("hook failed")

class Callback:
    def __repr__(self):
        return "<callback>"
    def __call__(self, ref):
        raise ValueError("in callback")

class Target:
    pass

def drop_target():
    t = Target()
    r = weakref.ref(t, Callback())
    del t
    return r

sys.unraisablehook = Hook()
drop_target()
sys.stderr.flush()
sys.unraisablehook = sys.__unraisablehook__
drop_target()
sys.unraisablehook = None
drop_target()
del sys.unraisablehook
drop_target()
print("end")
