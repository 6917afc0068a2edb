# A set display of constants tested with `in` becomes a frozenset constant; its
# iteration order (shown by its repr) follows CPython's set layout.
def has(name):
    return name in {"__name__", "__qualname__", "__isabstractmethod__", "__annotations__", "__type_params__"}

code = has.__code__
print([c for c in code.co_consts if isinstance(c, frozenset)])
print(has("__name__"), has("x"))
print(sorted(c for c in compile("x in {3, 1, 2, 1.0}", "<s>", "eval").co_consts if isinstance(c, frozenset)))
