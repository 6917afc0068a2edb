"""Shared by the data-case programs in this directory. Each program has a table of
operations; `NAME.cases` (made by scripts/gen_data_cases.py with the reference, one
case a line: `op<TAB>arg...<TAB>expected`) records what CPython gave for each call.
`check` replays every case and prints the cases that differ, then a summary line."""


def show(value):
    """A result as text: floats with their exact bits as well as their repr."""
    if type(value) is float:
        return "float %s %r" % (value.hex(), value)
    if type(value) is complex:
        return "complex %s,%s %r" % (value.real.hex(), value.imag.hex(), value)
    return "%s %r" % (type(value).__name__, value)


def outcome(function, args):
    """What calling `function(*args)` gives: its result or its exception, as text."""
    try:
        value = function(*args)
    except Exception as e:
        return "!%s: %s" % (type(e).__name__, e)
    return show(value)


def check(name, ops):
    total = bad = 0
    per_op = {}
    bad_per_op = {}
    with open(name + ".cases", encoding="utf-8") as f:
        for line in f:
            op, *args, expected = line.rstrip("\n").split("\t")
            total += 1
            per_op[op] = per_op.get(op, 0) + 1
            got = outcome(ops[op], args)
            if got != expected:
                bad += 1
                bad_per_op[op] = bad_per_op.get(op, 0) + 1
                if bad <= 25:
                    print("MISMATCH", op, args)
                    print("  expected", expected)
                    print("  got     ", got)
    if bad_per_op:
        print("mismatches by operation:", sorted(bad_per_op.items()))
    print(name + ":", total, "cases,", len(per_op), "operations,", bad, "mismatches")
