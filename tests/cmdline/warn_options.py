# Run with -W options: they fill sys.warnoptions and become the warnings filters
# (an invalid one is reported on stderr and ignored).
import sys
import warnings

print(sys.warnoptions)
for f in warnings.filters[:3]:
    print(f[0], f[2].__name__, f[1], f[3], f[4])

warnings.warn("silenced", DeprecationWarning)
print("after the ignored DeprecationWarning")
try:
    warnings.warn("boom", UserWarning)
except UserWarning as e:
    print("raised:", repr(e))
warnings.warn("shown", RuntimeWarning)
sys.stderr.flush()
print("done")
