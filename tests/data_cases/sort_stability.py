# sorted() and list.sort: stability with key functions and reverse, ties between
# equal values of different types, min/max ties, checked against
# sort_stability.cases (scripts/gen_data_cases.py, the reference's results), and
# the order and number of comparisons with NaN keys (CPython's merge sort). Values
# are comma-separated ints, or floats in float.hex() form for the float operations.
import _cases

KEYS = {
    "none": None,
    "mod7": lambda p: p[0] % 7,
    "abs": lambda p: abs(p[0]),
    "neg": lambda p: -p[0],
    "str": lambda p: str(p[0]),
    "tens": lambda p: p[0] // 10,
    "const": lambda p: 0,
    "pair": lambda p: (p[0] % 3, -(p[0] % 5)),
}


def ints(text):
    return [int(t) for t in text.split(",") if t]


def floats(text):
    return [float.fromhex(t) for t in text.split(",") if t]


def tagged(text):
    """(value, position) pairs: the positions show which equal values came first."""
    return [(v, i) for i, v in enumerate(ints(text))]


def sorted_positions(text, key, reverse):
    k = KEYS[key]
    pairs = tagged(text)
    if k is None:
        return [i for _, i in sorted(pairs, reverse=reverse == "1")]
    return [i for _, i in sorted(pairs, key=k, reverse=reverse == "1")]


def sort_positions(text, key, reverse):
    pairs = tagged(text)
    pairs.sort(key=KEYS[key] or (lambda p: p), reverse=reverse == "1")
    return [i for _, i in pairs]


def mixed(text):
    # Equal ints and floats (1 and 1.0, 0.0 and -0.0): which comes first shows stability.
    values = []
    for i, v in enumerate(ints(text)):
        values.append(float(v) if i % 2 else v)
        if v == 0:
            values.append(-0.0)
    return repr(sorted(values)), repr(sorted(values, reverse=True))


class Counted:
    """A key that counts the `<` calls the sort makes."""

    calls = 0

    def __init__(self, value):
        self.value = value

    def __lt__(self, other):
        Counted.calls += 1
        return self.value < other.value


def compares(text, reverse):
    Counted.calls = 0
    result = sorted(floats(text), key=Counted, reverse=reverse == "1")
    return Counted.calls, repr(result)


OPS = {
    "compares": compares,
    "sorted": sorted_positions,
    "sort": sort_positions,
    "mixed": mixed,
    "floats": lambda text: repr(sorted(floats(text))),
    "min_max": lambda text, key: (min(tagged(text), key=KEYS[key] or None),
                                  max(tagged(text), key=KEYS[key] or None)),
    "strings": lambda text: sorted(text.split(","), key=str.lower),
    "strings_rev": lambda text: sorted(text.split(","), key=len, reverse=True),
}

if __name__ == "__main__":
    _cases.check("sort_stability", OPS)
