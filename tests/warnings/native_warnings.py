# The `_warnings` module forwards to `warnings`: one set of filters.
import _warnings
import warnings

_warnings.warn("from _warnings")
_warnings.warn("with category", RuntimeWarning)
_warnings.warn_explicit("explicit", UserWarning, "somefile.py", 3)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    _warnings.warn("recorded", DeprecationWarning, stacklevel=1)
print([(str(w.message), w.category.__name__, w.lineno) for w in caught])
warnings.simplefilter("error")
try:
    _warnings.warn("now an error")
except UserWarning as e:
    print("raised:", e)
