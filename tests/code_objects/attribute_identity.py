# A code object's co_* values are kept on it, as CPython keeps them: reading one
# twice gives the same object (the name tuples, the tables, the names). Not compared
# by identity: co_code and co_consts, which adder makes afresh (see code_attrs.rs).
def outer(a, b=1, *args, k, **kw):
    x = a

    def inner():
        return x + b

    try:
        return inner
    except ValueError:
        pass


code = outer.__code__
for name in ("co_names", "co_varnames", "co_cellvars",
             "co_freevars", "co_linetable", "co_exceptiontable", "co_name",
             "co_qualname", "co_filename"):
    first, second = getattr(code, name), getattr(code, name)
    print(name, first is second, first == second, type(first).__name__)

inner = outer(1, k=2).__code__
print(inner.co_freevars is inner.co_freevars, inner.co_freevars)
print(code.co_cellvars, code.co_varnames)

module = compile("import os\nx = os.path\n", "<m>", "exec")
print(module.co_names is module.co_names, module.co_names)
print(module.co_consts == module.co_consts, module.co_code == module.co_code)

# A replaced code object has its own values.
other = code.replace(co_name="renamed")
print(other.co_name, other.co_name is other.co_name, other.co_code == code.co_code)
print(other.co_consts == code.co_consts)
