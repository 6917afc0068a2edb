# inspect.signature of built-in functions and methods, parsed from their
# __text_signature__ (module functions, methods of built-in types, bound methods,
# native-module functions, built-in classes).
import collections
import functools
import inspect
import itertools
import math
import operator

for name, builtin in [
    ("len", len), ("sorted", sorted), ("divmod", divmod), ("getattr", getattr),
    ("iter", iter), ("print", print), ("max", max), ("next", next),
    ("str.join", str.join), ("dict.get", dict.get), ("'x'.join", "x".join),
    ("[].append", [].append), ("list.sort", list.sort), ("str.split", str.split),
    ("math.sqrt", math.sqrt), ("math.log", math.log), ("operator.add", operator.add),
    ("functools.reduce", functools.reduce),
    ("deque.append", collections.deque.append),
    ("zip", zip), ("map", map), ("enumerate", enumerate), ("filter", filter),
    ("reversed", reversed), ("float", float), ("itertools.count", itertools.count),
    ("itertools.chain", itertools.chain), ("type", type),
]:
    try:
        sig = inspect.signature(builtin)
        print(name, sig, [p.kind.name for p in sig.parameters.values()])
    except ValueError as e:
        print(name, "ValueError", e)
print(inspect.signature(sorted).bind([3, 1], reverse=True))
