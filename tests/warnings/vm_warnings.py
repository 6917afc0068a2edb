# Warnings the interpreter itself issues go through the warnings module.
import warnings

x = True
print(~x)
print(~False, ~1, True.__invert__())

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    ~x
    ~x
print(len(caught), caught[0].category.__name__, caught[0].lineno)

warnings.simplefilter("error")
try:
    ~x
except DeprecationWarning as e:
    print("raised:", str(e)[:40])

warnings.simplefilter("ignore")
print(~x)
