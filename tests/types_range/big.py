# range with bounds beyond machine integers: len, indexing, slicing, in, equality,
# hash, repr, attributes, iteration and reversed.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

big = 2**64
r = range(big, big + 10, 3)
print(r, r.start, r.stop, r.step, len(r), bool(r), list(r))
print(r[0], r[-1], r[1:3], r[::-1], r[::2], list(r[::-1]), list(reversed(r)))
print(big in r, big + 3 in r, big + 1 in r, 5 in r, r == range(big, big + 12, 3), r == range(0))
print(hash(r) == hash(range(big, big + 12, 3)), hash(range(0)) == hash(range(5, 5)))
print(hash(range(3)) == hash((3, 0, 1)), hash(range(7, 8)) == hash((1, 7, None)))
huge = range(-big, big)
print(huge, bool(huge), huge[0], huge[-1], huge[big], huge[2**63:2**63 + 2])
show(lambda: len(huge))
show(lambda: huge[2 * big])
show(lambda: range(big)[big])
show(lambda: range(0, 10, big))
show(lambda: range(1, 2, 0))
show(lambda: range(1, 2, big - big))
print(range(big, 0, -big // 2), list(range(big, 0, -big // 2)), len(range(big, 0, -big // 2)))
print(range(10**30)[10**29:10**29 + 5], range(0, 10**20, 10**19)[3], range(2**63 - 2, 2**63 + 2)[1:])
print(list(range(2**63 - 2, 2**63 + 2)), len(range(2**63 - 2, 2**63 + 2)))
it = iter(range(big, big + 2))
print(type(it).__name__, next(it), next(it))
print(range(-(2**70), 0)[-1], (2**70 - 1) in range(2**70), range(2**70) == range(0, 2**70, 1))
