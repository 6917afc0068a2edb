# TypeError from bad operand types several calls deep.
def combine(a, b):
    return a * b - a


def process(pairs):
    results = []
    for left, right in pairs:
        results.append(combine(left, right))
        print(results)
    return results


process([(2, 3), (4, 5), ("ab", "cd")])
