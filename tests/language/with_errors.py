# with statement errors: missing protocol methods, __exit__ truthiness, exceptions in __enter__/__exit__
class OnlyEnter:
    def __enter__(self):
        return self
class OnlyExit:
    def __exit__(self, *a):
        return False
for obj in (OnlyEnter(), OnlyExit(), 42, "s", None):
    try:
        with obj:
            print("unreachable")
    except TypeError as e:
        print("TypeError:", e)

class Truthy:
    def __init__(self, value):
        self.value = value
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return self.value
for v in (0, 1, "", "x", [], [0], None):
    try:
        with Truthy(v):
            raise RuntimeError("r")
        print(repr(v), "suppressed")
    except RuntimeError:
        print(repr(v), "not suppressed")

class BadEnter:
    def __enter__(self):
        raise OSError("enter failed")
    def __exit__(self, *a):
        print("exit not called")
try:
    with BadEnter():
        pass
except OSError as e:
    print("enter error", e)

class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise LookupError("exit failed")
try:
    with BadExit():
        raise ValueError("inner")
except LookupError as e:
    print("exit error", e, "context:", repr(e.__context__))
