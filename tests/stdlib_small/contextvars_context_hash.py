# Context compares as a mapping, so it is unhashable.
import _contextvars
ctx = _contextvars.copy_context()
for f in (hash, lambda c: {c: 1}, lambda c: {c}):
    try:
        f(ctx)
        print('hashable')
    except TypeError as e:
        print('TypeError')  # the message names the type by tp_name
print(ctx == _contextvars.copy_context(), ctx.__hash__)
