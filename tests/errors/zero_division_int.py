# Integer division by zero deep in a call chain: traceback through every frame.
def ratio(a, b):
    return a // b


def average_step(values, count):
    total = 0
    for v in values:
        total += v
    return ratio(total, count)


def report(values):
    print("values:", values)
    result = average_step(values, len(values))
    print("average", result)


report([1, 2, 3])
report([])
