print("importing _util")


def triple(x):
    return 3 * x
