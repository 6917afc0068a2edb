# An exception escaping a generator: the traceback shows the generator's frame.
def parse(items):
    for item in items:
        yield int(item)


total = 0
for value in parse(["1", "2", "x3"]):
    total += value
    print("running total", total)
