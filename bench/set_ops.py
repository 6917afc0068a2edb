# Set operations: building sets of ints and strings, membership tests, union,
# intersection, difference and symmetric difference, and set comprehensions.


def main():
    total = 0
    for rnd in range(280):
        a = {(i * 7919 + rnd) % 50021 for i in range(12000)}
        b = set(range(rnd * 100, rnd * 100 + 15000, 3))
        names = {"k" + str(i % 3000) for i in range(6000)}
        total += len(a | b) + len(a & b) + len(a - b) + len(a ^ b)
        hits = 0
        for i in range(0, 50000, 7):
            if i in a:
                hits += 1
            if "k" + str(i % 4000) in names:
                hits += 2
        total += hits
        c = set(a)
        for x in range(0, 20000, 5):
            c.discard(x)
            c.add(x + 1)
        total += len(c) + sum(1 for x in c if x & 1)
        total += len(frozenset(b) & a)
    print("checksum", total)


main()
