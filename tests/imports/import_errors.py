# ImportError / ModuleNotFoundError messages and attributes; errors raised by a
# submodule's own code are not hidden by `from pkg import sub`; circular imports.
import sys


def show(f):
    try:
        f()
    except ImportError as e:
        path = e.path.replace(sys.path[0], "<dir>") if isinstance(e.path, str) else e.path
        msg = str(e).replace(sys.path[0], "<dir>")
        print(type(e).__name__, "|", msg, "|", e.name, "|", path, "|", getattr(e, "name_from", "-"))
    except Exception as e:
        print("other", type(e).__name__, e)


def imp(stmt):
    return lambda: exec(stmt, {})


show(imp("import _no_such_thing"))
show(imp("import _errpkg.missing"))
show(imp("import _errpkg._good.deeper"))
show(imp("from _errpkg import missing_name"))
show(imp("from _errpkg import _broken"))
show(imp("from _errpkg import _raises"))
show(imp("import _errpkg._raises"))
print("_errpkg._raises" in sys.modules, "_errpkg._broken" in sys.modules)
show(imp("from _errpkg import _good, VALUE; print(_good.NAME, VALUE)"))
show(imp("from _circ import _a"))
show(imp("import _circ._c"))
show(imp("from . import x"))
show(lambda: __import__(""))
show(lambda: __import__(5))
show(lambda: __import__("x", level=-1))
show(lambda: __import__("_errpkg", fromlist=[1]))

sys.modules["_blocked"] = None
show(imp("import _blocked"))

import _replaces_self
print(_replaces_self, _replaces_self.answer)

e = ImportError("msg", name="n", path="p")
print(e.msg, e.name, e.path, e.name_from, e.args)
e = ModuleNotFoundError()
print(e.msg, e.name, e.path, e.args)
try:
    ImportError(bad=1)
except TypeError as exc:
    print(exc)
