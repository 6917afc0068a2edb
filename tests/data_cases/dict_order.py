# Dict order after insertions, deletions and re-insertions, popitem, update,
# setdefault and copies, checked against dict_order.cases (scripts/gen_data_cases.py,
# the reference's results). A program is a space-separated list of steps: "+k"
# stores the step number at key k, "-k" pops k if present, "?k" is setdefault; keys
# are ints, or strings when they start with a letter.
import _cases


def key(text):
    return text if text[:1].isalpha() else int(text)


def run(program):
    d = {}
    for step, token in enumerate(program.split()):
        k = key(token[1:])
        if token[0] == "+":
            d[k] = step
        elif token[0] == "-":
            d.pop(k, None)
        else:
            d.setdefault(k, -step)
    return d


def popitems(program):
    d = run(program)
    out = [d.popitem() for _ in range(min(3, len(d)))]
    d["new"] = 0
    return out, list(d.items())


def rebuilt(program, other):
    d = run(program)
    d.update(run(other))
    for k in list(d)[::3]:
        del d[k]
    d.update(dict.fromkeys(list(run(other))[:2], "again"))
    return list(d.items())


OPS = {
    "run": lambda p: list(run(p).items()),
    "copy": lambda p: list(run(p).copy().items()),
    "dict_call": lambda p: list(dict(run(p)).items()),
    "unpack": lambda p: list({**run(p), "x": 1}.items()),
    "repr": lambda p: repr(run(p)),
    "popitems": popitems,
    "rebuilt": rebuilt,
    "fromkeys": lambda p: list(dict.fromkeys(t[1:] for t in p.split())),
    "reversed": lambda p: list(reversed(run(p))),
    "or": lambda p, q: list((run(p) | run(q)).items()),
    "values": lambda p: list(run(p).values()),
}

if __name__ == "__main__":
    _cases.check("dict_order", OPS)
