# The co_* attributes of code objects.
from _samples import SAMPLES, all_code

NAMES = ["co_name", "co_qualname", "co_argcount", "co_posonlyargcount",
         "co_kwonlyargcount", "co_nlocals", "co_flags", "co_stacksize",
         "co_varnames", "co_cellvars", "co_freevars", "co_names", "co_firstlineno"]

for sample in SAMPLES:
    for code in all_code(sample.__code__):
        print(code.co_qualname)
        for name in NAMES:
            print("   ", name, getattr(code, name))
        print("    co_filename", code.co_filename.rsplit("/", 1)[-1])
        print("    co_code", len(code.co_code), type(code.co_code).__name__)


def kinds(a, /, b, *args, c, d=1, **kw):
    e = 1
    def inner():
        return a, e
    return inner

code = kinds.__code__
print(code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount)
print(code.co_varnames, code.co_cellvars, code.co_freevars, code.co_nlocals)
print(kinds(1, 2, c=3).__code__.co_freevars)
