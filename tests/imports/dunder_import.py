# builtins.__import__ as a function, and IMPORT_NAME calling a replacement of it.
import builtins
import sys

print(builtins.__import__, __import__ is builtins.__import__)
print(__import__("_util").__name__, __import__("_pkg._helpers").__name__)
print(__import__("_pkg._helpers", fromlist=["double"]).__name__)
print(__import__("_pkg", globals(), None, ["_helpers"], 0)._helpers.__name__)
print(__import__("_helpers", {"__package__": "_pkg"}, None, [], 1).__name__)
print(__import__("", {"__name__": "_pkg", "__path__": []}, None, [], 1).__name__)

seen = []
original = builtins.__import__


def tracing_import(name, globals=None, locals=None, fromlist=(), level=0):
    seen.append((name, fromlist, level, type(globals).__name__, locals is None))
    return original(name, globals, locals, fromlist, level)


builtins.__import__ = tracing_import
import _util
from _pkg import double


def inner():
    import _pkg._helpers


inner()
builtins.__import__ = original
print(seen)


def fake_import(*args):
    return "fake:" + args[0]


builtins.__import__ = fake_import
import anything_at_all
builtins.__import__ = original
print(anything_at_all)

del builtins.__import__
try:
    import _util
except ImportError as e:
    print("ImportError:", e)
builtins.__import__ = original
print("restored", __import__("sys") is sys)

g = {}
exec("x = 1", g)
print(sorted(g), g["__builtins__"] is builtins.__dict__)
