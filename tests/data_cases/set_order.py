# Set iteration order (PYTHONHASHSEED=0) after building, adding, discarding, re-adding
# and the set operators, for ints, strings and tuples, checked against
# set_order.cases (scripts/gen_data_cases.py, the reference's results). A `kind` of
# "i", "s" or "t" says how to read the comma-separated items.
import _cases


def items(kind, text):
    if not text:
        return []
    parts = text.split(",")
    if kind == "i":
        return [int(p) for p in parts]
    if kind == "t":
        return [tuple(int(n) for n in p.split(":")) for p in parts]
    return parts


def incremental(kind, adds, removes, readds):
    s = set()
    for x in items(kind, adds):
        s.add(x)
    for x in items(kind, removes):
        s.discard(x)
    for x in items(kind, readds):
        s.add(x)
    return list(s)


def pops(kind, a):
    s = set(items(kind, a))
    popped = [s.pop() for _ in range(min(5, len(s)))]
    return popped, list(s)


def updates(kind, a, b, c):
    s = set(items(kind, a))
    s.update(items(kind, b))
    s.difference_update(items(kind, c))
    s |= set(items(kind, c))
    s.intersection_update(items(kind, a) + items(kind, c))
    return list(s)


OPS = {
    "build": lambda k, a: list(set(items(k, a))),
    "repr": lambda k, a: repr(set(items(k, a))),
    "frozenset": lambda k, a: list(frozenset(items(k, a))),
    "comprehension": lambda k, a: list({x for x in items(k, a)}),
    "incremental": incremental,
    "union": lambda k, a, b: list(set(items(k, a)) | set(items(k, b))),
    "inter": lambda k, a, b: list(set(items(k, a)) & set(items(k, b))),
    "diff": lambda k, a, b: list(set(items(k, a)) - set(items(k, b))),
    "symdiff": lambda k, a, b: list(set(items(k, a)) ^ set(items(k, b))),
    "union_method": lambda k, a, b: list(set(items(k, a)).union(items(k, b), items(k, a))),
    "pops": pops,
    "updates": updates,
    "copy": lambda k, a, b: list((set(items(k, a)) - set(items(k, b))).copy()),
    "dict_keys_and": lambda k, a, b: list(dict.fromkeys(items(k, a)).keys() & items(k, b)),
    "dict_keys_or": lambda k, a, b: list(dict.fromkeys(items(k, a)).keys() | items(k, b)),
}

if __name__ == "__main__":
    _cases.check("set_order", OPS)
