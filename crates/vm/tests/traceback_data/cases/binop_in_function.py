def compute(a, b):
    if a:
        return a % b
    return 0

compute(5, 0)
