import warnings
def f():
    warnings.warn("careful", UserWarning)
f()
warnings.warn("dep", DeprecationWarning)
warnings.warn("plain")
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    warnings.warn("rec1")
    warnings.warn("rec2", RuntimeWarning)
print([str(x.message) for x in w], [x.category.__name__ for x in w], [x.lineno for x in w])
warnings.filterwarnings("error")
try:
    warnings.warn("boom")
except UserWarning as e:
    print("raised", repr(e))
warnings.resetwarnings()
warnings.simplefilter("ignore")
warnings.warn("nothing")
warnings.simplefilter("default")
for i in range(3):
    warnings.warn("once per line")
warnings.warn_explicit("explicit", SyntaxWarning, "foo.py", 12)
print("done")
