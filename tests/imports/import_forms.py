# import / from-import / relative imports in a package / import * / errors.
import sys
import _util
import _util as u2
from _util import triple
import _pkg
from _pkg import double, VERSION
from _pkg._helpers import *
import _pkg._helpers

print(_util.triple(2), u2 is _util, triple(3), _pkg.double(4), double(5), VERSION)
print(_pkg._helpers.double(1), "_pkg" in sys.modules, "_private" in dir())
try:
    import nosuchmod
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from _util import nothing
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
