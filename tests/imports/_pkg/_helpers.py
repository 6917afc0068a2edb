def double(x):
    return 2 * x


_private = 1
