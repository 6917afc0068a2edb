# Explicit raise of a ValueError with a message, two frames deep.
def parse_positive(n):
    if n < 0:
        raise ValueError("expected a positive number, got a negative one")
    return n


def handle(values):
    for v in values:
        print("ok", parse_positive(v))


handle([3, 2, -1, 5])
